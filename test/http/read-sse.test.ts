import { describe, expect, it } from 'vitest';
import { readSse } from '../../src/http/widget/read-sse.js';

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const out = [];
  for await (const e of readSse(body(chunks))) out.push(e);
  return out;
}

describe('readSse', () => {
  it('parses events split anywhere across chunks, including inside a multi-byte character', async () => {
    const text = 'event: delta\ndata: {"text":"根据"}\n\nevent: done\ndata: {"answer":"好"}\n\n';
    const bytes = new TextEncoder().encode(text);
    // Split after every byte: the decoder must carry partial characters over.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const events = [];
    for await (const e of readSse(stream)) events.push(e);
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"根据"}' },
      { event: 'done', data: '{"answer":"好"}' },
    ]);
  });

  it('joins multi-line data, accepts CRLF, ignores comments, defaults the event name', async () => {
    expect(await collect([': keep-alive\r\n\r\n', 'data: a\r\ndata: b\r\n\r\n', 'event: x\ndata:c\n\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'x', data: 'c' },
    ]);
  });

  it('drops a final event that was never terminated (the stream was cut)', async () => {
    expect(await collect(['event: delta\ndata: {"text":"a"}\n\nevent: done\ndata: {"ans'])).toEqual([{ event: 'delta', data: '{"text":"a"}' }]);
  });
});
