import { describe, expect, it } from 'vitest';
import type { WebAPIHTTPError, WebAPIPlatformError, WebAPIRequestError } from '@slack/web-api';
import { boltLogger } from '../../src/slack/bolt-logger.js';
import { reconnectDelayMs, socketFailure } from '../../src/slack/socket-state.js';
import { memoryLogger } from './support/slack-request.js';

const platform = (error: string) => Object.assign(new Error(`An API error occurred: ${error}`), { code: 'slack_webapi_platform_error', data: { ok: false, error } }) as WebAPIPlatformError;

describe('socketFailure', () => {
  it.each([
    ['invalid_auth', platform('invalid_auth'), { refused: true, message: 'invalid_auth' }],
    ['not_authed', platform('not_authed'), { refused: true, message: 'not_authed' }],
    ['ratelimited is an outage', platform('ratelimited'), { refused: false, message: 'ratelimited' }],
    [
      'HTTP 500',
      Object.assign(new Error('An HTTP protocol error occurred: statusCode = 500'), { code: 'slack_webapi_http_error' }) as WebAPIHTTPError,
      { refused: false, message: 'An HTTP protocol error occurred: statusCode = 500' },
    ],
    [
      'unreachable (the cause names the system error)',
      Object.assign(new Error('A request error occurred: connect ECONNREFUSED 127.0.0.1:9'), {
        code: 'slack_webapi_request_error',
        original: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
      }) as WebAPIRequestError,
      { refused: false, message: 'A request error occurred: connect ECONNREFUSED 127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9' },
    ],
    ['an error with no message', new Error(''), { refused: false, message: 'Error with no message' }],
    ['no error at all (the socket closed before hello)', undefined, { refused: false, message: 'the Socket Mode connection closed before Slack said hello' }],
  ])('%s', (_name, error, expected) => {
    expect(socketFailure(error)).toEqual(expected);
  });

  it('prefers the socket error seen just before over a bare close', () => {
    expect(socketFailure(undefined, 'connect ECONNREFUSED')).toEqual({ refused: false, message: 'connect ECONNREFUSED' });
  });
});

describe('reconnectDelayMs', () => {
  it.each([
    [1, 0, 1_000],
    [2, 0, 2_000],
    [6, 0, 32_000],
    [7, 0, 60_000],
    [50, 0, 60_000],
    [1, 1, 800],
    [7, 1, 48_000],
  ])('attempt %i with jitter %f waits %i ms', (attempt, random, expected) => {
    expect(reconnectDelayMs(attempt, () => random)).toBe(expected);
  });
});

describe('boltLogger', () => {
  it.each([
    ['WebSocket error occurred: ', 'WebSocket error occurred: (no detail given)'],
    ['WebSocket error! Error: ', 'WebSocket error! (no detail given)'],
    ['WebSocket error! SMWebsocketError: connect ECONNREFUSED', 'WebSocket error! SMWebsocketError: connect ECONNREFUSED'],
    ['   ', '(Slack SDK logged an empty message)'],
  ])('never logs an empty reason: %j', (message, logged) => {
    const target = memoryLogger();
    boltLogger(target).error(message);
    expect(target.entries).toEqual([{ level: 'error', msg: logged, component: 'slack' }]);
  });
});
