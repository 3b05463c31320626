import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../src/http/middleware/rate-limit/client-address.js';

const node = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const request = (headers: Record<string, string>) => new Request('http://x/api/ask', { headers });

describe('clientAddress', () => {
  it.each([
    ['Node, no proxy configured: the peer, whatever CF-Connecting-IP says', [], '203.0.113.7', { 'cf-connecting-ip': '198.51.100.1' }, '203.0.113.7'],
    ['Node, no proxy configured: the peer, whatever X-Forwarded-For says', [], '203.0.113.7', { 'x-forwarded-for': '198.51.100.1' }, '203.0.113.7'],
    ['a dual-stack IPv4 peer is written as IPv4', [], '::ffff:203.0.113.7', {}, '203.0.113.7'],
    ['a peer that is not the configured proxy: its own address', ['10.0.0.2'], '203.0.113.7', { 'x-forwarded-for': '198.51.100.1' }, '203.0.113.7'],
    ['behind the configured proxy: the address it appended', ['10.0.0.2'], '10.0.0.2', { 'x-forwarded-for': '198.51.100.1' }, '198.51.100.1'],
    ['behind the proxy, a client-written prefix is ignored', ['10.0.0.2'], '::ffff:10.0.0.2', { 'x-forwarded-for': '1.2.3.4, 198.51.100.1' }, '198.51.100.1'],
    ['two trusted proxies: the right-most untrusted hop', ['10.0.0.2', '10.0.0.3'], '10.0.0.2', { 'x-forwarded-for': '1.2.3.4, 198.51.100.1, 10.0.0.3' }, '198.51.100.1'],
    ['loopback names 127.0.0.0/8 and ::1', ['loopback'], '::1', { 'x-forwarded-for': '198.51.100.1' }, '198.51.100.1'],
    ['behind the proxy without X-Forwarded-For: the proxy', ['loopback'], '127.0.0.1', {}, '127.0.0.1'],
  ])('%s', (_name, trust, peer, headers, expected) => {
    expect(clientAddress(trust)(request(headers), node(peer))).toBe(expected);
  });

  it('on Workers (no socket): CF-Connecting-IP, which Cloudflare sets itself', () => {
    expect(clientAddress()(request({ 'cf-connecting-ip': '198.51.100.1' }), { AI: {} })).toBe('198.51.100.1');
    expect(clientAddress()(request({}), undefined)).toBe('unknown');
  });
});
