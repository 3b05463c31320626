import { request as httpRequest } from 'node:http';

/** Starts a POST whose body is held back: the request is in flight until `finish` sends the rest. */
export function heldRequest(url: string, body: string) {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  let finish!: () => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(`${url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': bytes.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.write(bytes.subarray(0, half));
    req.flushHeaders();
    finish = () => req.end(bytes.subarray(half));
  });
  return { response, finish: () => finish() };
}
