/** Reading JSON request bodies and writing JSON responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../errors.ts';

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new UnsupportedMediaType();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new PayloadTooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new PayloadTooLarge(maxBytes);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequest('invalid_json', 'The request body is not valid JSON.');
  }
}

/**
 * A JSON body that must be an object (every route's body is): `null`, a list, a string or a number is a 400,
 * so handlers can read fields without checking the shape first.
 */
export async function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const body = await readJson(req, maxBytes);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequest('invalid_body', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}
