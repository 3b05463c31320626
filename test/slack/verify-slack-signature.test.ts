import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from '../../src/slack/verify-slack-signature.js';

// The worked example from Slack's "Verifying requests from Slack" guide.
const SLACK_EXAMPLE = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const at = (seconds: number) => (Number(SLACK_EXAMPLE.timestamp) + seconds) * 1000;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('verifySlackSignature', () => {
  it("accepts Slack's published example", async () => {
    const check = await verifySlackSignature({ ...SLACK_EXAMPLE, body: bytes(SLACK_EXAMPLE.body), now: at(0) });
    expect(check).toEqual({ ok: true });
  });

  it.each([
    ['a body changed by one character', { body: SLACK_EXAMPLE.body.replace('text=', 'text=x') }, 'signature does not match'],
    ['another signing secret', { signingSecret: '8f742231b10e8888abcd99yyyzzz85a6' }, 'signature does not match'],
    ['a signature for another timestamp', { timestamp: '1531420619' }, 'signature does not match'],
    ['no signature', { signature: null }, 'missing'],
    ['no timestamp', { timestamp: null }, 'missing'],
    ['a v1 signature', { signature: SLACK_EXAMPLE.signature.replace('v0=', 'v1=') }, 'not a v0 signature'],
    ['a truncated signature', { signature: SLACK_EXAMPLE.signature.slice(0, -2) }, 'not a v0 signature'],
    ['a timestamp that is not a number', { timestamp: '15314206l8' }, 'not a Unix time'],
  ])('refuses %s', async (_name, change, reason) => {
    const parts = { ...SLACK_EXAMPLE, ...change };
    const check = await verifySlackSignature({ ...parts, body: bytes(parts.body), now: at(0) });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toContain(reason);
  });

  it.each([
    [300, true],
    [301, false],
    [-300, true],
    [-301, false],
  ])('a request %is from now is accepted: %s', async (offset, ok) => {
    const check = await verifySlackSignature({ ...SLACK_EXAMPLE, body: bytes(SLACK_EXAMPLE.body), now: at(offset) });
    expect(check.ok).toBe(ok);
  });

  it('covers the raw bytes, so a body that is not valid UTF-8 is still checked exactly', async () => {
    const { createHmac } = await import('node:crypto');
    const body = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    const prefix = Buffer.from(`v0:${SLACK_EXAMPLE.timestamp}:`);
    const signature = `v0=${createHmac('sha256', SLACK_EXAMPLE.signingSecret)
      .update(Buffer.concat([prefix, body]))
      .digest('hex')}`;
    const check = await verifySlackSignature({ signingSecret: SLACK_EXAMPLE.signingSecret, timestamp: SLACK_EXAMPLE.timestamp, signature, body, now: at(0) });
    expect(check).toEqual({ ok: true });
  });
});
