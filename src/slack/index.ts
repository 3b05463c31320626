// The Slack app's public surface. Socket Mode is imported from './start-socket-mode.node.js' (Node only).
export { createSlackHandler, type SlackHandler, type SlackHandlerDeps } from './create-slack-handler.js';
export { slackTransport, type SlackTransport } from './slack-transport.js';
export type { FeedbackRecord, FeedbackSink, SlackAppDeps, SlackLogger } from './types.js';
