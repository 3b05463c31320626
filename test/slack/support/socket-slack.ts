import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlackApi } from './fake-slack-api.js';

export interface SocketSlack {
  /** Resolves on the first connection. */
  connected: Promise<void>;
  /** Resolves once the service has opened `count` sockets in all (reconnects included). */
  connections(count: number): Promise<void>;
  /** Slack drops the current socket (an outage or a restart on its side). */
  drop(): void;
  acks: Array<Record<string, unknown>>;
  push(envelope: Record<string, unknown>): void;
  ackFor(envelopeId: string): Promise<Record<string, unknown>>;
  close(): void;
}

/**
 * Slack's side of Socket Mode on 127.0.0.1: `apps.connections.open` on the fake API hands out a
 * ws:// URL on the same server, which greets with `hello`, pushes envelopes and collects acks.
 * Each reconnect gets a new socket; pushes go to the newest.
 */
export function socketSlack(api: FakeSlackApi, options: { silentConnections?: number } = {}): SocketSlack {
  let silent = options.silentConnections ?? 0;
  const wss = new WebSocketServer({ noServer: true });
  const acks: Array<Record<string, unknown>> = [];
  const ackWaiters: Array<() => void> = [];
  let socket!: WebSocket;
  let opened = 0;
  const openWaiters: Array<() => void> = [];
  const connected = new Promise<void>((resolve) => {
    api.server.on('upgrade', (request, stream, head) => {
      wss.handleUpgrade(request, stream, head, (ws) => {
        socket = ws;
        opened += 1;
        openWaiters.splice(0).forEach((w) => w());
        ws.on('message', (data) => {
          acks.push(JSON.parse(String(data)));
          ackWaiters.splice(0).forEach((w) => w());
        });
        // A silent connection is accepted (and answers pings) but never greeted: a stuck Slack edge.
        if (silent > 0) {
          silent -= 1;
          return;
        }
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'test' } }));
        resolve();
      });
    });
  });
  return {
    connected,
    async connections(count) {
      while (opened < count) await new Promise<void>((resolve) => openWaiters.push(resolve));
    },
    drop: () => socket.terminate(),
    acks,
    push(envelope) {
      socket.send(JSON.stringify(envelope));
    },
    async ackFor(envelopeId) {
      while (!acks.some((a) => a.envelope_id === envelopeId)) await new Promise<void>((resolve) => ackWaiters.push(resolve));
      return acks.find((a) => a.envelope_id === envelopeId)!;
    },
    close: () => wss.close(),
  };
}

/** An Events API envelope around an app_mention, as Socket Mode delivers it. */
export function mentionEnvelope(envelopeId: string, eventId: string, message: { channel: string; user?: string; text?: string; ts: string }): Record<string, unknown> {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: eventId,
      event_time: 1,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', channel: message.channel, user: message.user, text: message.text, ts: message.ts },
    },
  };
}
