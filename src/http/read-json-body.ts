import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { describeIssues } from './schemas.js';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Reads a JSON body at the boundary: 415 for another content type, 400 for broken JSON, 422 for the wrong shape. */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    const got = type ? `got ${JSON.stringify(type.slice(0, 80))}` : 'none was sent';
    throw new ApiError(415, 'unsupported_media_type', `Send the body as JSON with the header Content-Type: application/json (${got}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON; send one object such as {"question":"区域性医疗中心按多少人口配置一家？"}.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError(422, 'invalid_request', describeIssues(parsed.error));
  return parsed.data;
}
