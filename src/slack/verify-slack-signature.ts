/** Slack rejects nothing older than this itself, so we do: a captured request cannot be replayed later. */
export const MAX_REQUEST_AGE_SECONDS = 5 * 60;

export interface SignedRequestParts {
  signingSecret: string;
  /** The raw body bytes exactly as received: the signature covers them, not a re-serialisation. */
  body: Uint8Array;
  /** `X-Slack-Signature`, e.g. `v0=9b1c…`. */
  signature: string | null;
  /** `X-Slack-Request-Timestamp`, Unix seconds. */
  timestamp: string | null;
  /** Current time in ms (injectable for tests of the age check). */
  now?: number;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const encoder = new TextEncoder();

/**
 * Checks Slack's v0 request signature: HMAC-SHA256 over `v0:{timestamp}:{body}` keyed with the
 * signing secret, hex-encoded after `v0=`. Uses Web Crypto's `verify`, which compares in
 * constant time, and refuses timestamps more than five minutes from now in either direction.
 */
export async function verifySlackSignature(parts: SignedRequestParts): Promise<SignatureCheck> {
  const { signature, timestamp } = parts;
  if (!signature || !timestamp) return { ok: false, reason: 'missing X-Slack-Signature or X-Slack-Request-Timestamp' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a Unix time' };
  const age = Math.abs(Math.floor((parts.now ?? Date.now()) / 1000) - Number(timestamp));
  if (age > MAX_REQUEST_AGE_SECONDS) return { ok: false, reason: `request timestamp is ${age}s from now (limit ${MAX_REQUEST_AGE_SECONDS}s)` };
  const match = /^v0=([0-9a-f]{64})$/.exec(signature);
  if (!match) return { ok: false, reason: 'X-Slack-Signature is not a v0 signature' };

  const key = await crypto.subtle.importKey('raw', encoder.encode(parts.signingSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const prefix = encoder.encode(`v0:${timestamp}:`);
  const signed = new Uint8Array(prefix.length + parts.body.length);
  signed.set(prefix, 0);
  signed.set(parts.body, prefix.length);
  const valid = await crypto.subtle.verify('HMAC', key, hexToBytes(match[1]!), signed);
  return valid ? { ok: true } : { ok: false, reason: 'signature does not match' };
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
