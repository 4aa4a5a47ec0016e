/** Reading a multipart/form-data upload (one file and a few text fields) with busboy, within size limits. */
import type { IncomingMessage } from 'node:http';
import type busboy from 'busboy';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../errors.ts';

export interface UploadedFile {
  field: string;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface MultipartForm {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

export interface MultipartLimits {
  maxFileBytes: number;
  /** The one file field read; other file fields are refused. */
  fileField: string;
}

const FIELD_BYTES = 16 * 1024;
/** After a limit is hit the rest of the body is read and dropped (so the client sees the answer), up to this much. */
const DRAIN_FACTOR = 4;

/** Drop the rest of the request body so the error reaches the client; a sender that keeps going is cut off. */
async function drain(req: IncomingMessage, maxBytes: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  let seen = 0;
  await new Promise<void>((resolve) => {
    req.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) {
        req.destroy();
        resolve();
      }
    });
    req.on('end', resolve);
    req.on('close', resolve);
    req.resume();
  });
}

export async function readMultipart(req: IncomingMessage, limits: MultipartLimits): Promise<MultipartForm> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) throw new UnsupportedMediaType('Send the file as multipart/form-data.');
  const declared = Number(req.headers['content-length'] ?? 0);
  const drainLimit = limits.maxFileBytes * DRAIN_FACTOR;
  if (declared > limits.maxFileBytes + 64 * 1024) {
    if (declared <= drainLimit) await drain(req, drainLimit);
    else req.destroy();
    throw new PayloadTooLarge(limits.maxFileBytes);
  }
  // busboy is loaded with the first upload (a Word import), not at start.
  const { default: createParser } = await import('busboy');
  let parser: busboy.Busboy;
  try {
    parser = createParser({ headers: req.headers, limits: { fileSize: limits.maxFileBytes, files: 1, fields: 20, fieldSize: FIELD_BYTES, parts: 30 } });
  } catch {
    throw new BadRequest('invalid_multipart', 'The multipart/form-data body has no boundary.');
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let problem: Error | null = null;
  await new Promise<void>((resolve) => {
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) problem ??= new BadRequest('invalid_field', `"${name}" is too long.`, name, { field: name });
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== limits.fileField) {
        problem ??= new BadRequest('unexpected_file', `Send the file in the "${limits.fileField}" field.`, name, { field: limits.fileField });
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        problem ??= new PayloadTooLarge(limits.maxFileBytes);
      });
      stream.on('end', () => {
        if (!problem) file = { field: name, fileName: info.filename ?? '', mimeType: info.mimeType, bytes: new Uint8Array(Buffer.concat(chunks)) };
      });
    });
    parser.on('filesLimit', () => (problem ??= new BadRequest('too_many_files', 'Send one file.')));
    parser.on('error', () => {
      problem ??= new BadRequest('invalid_multipart', 'The multipart/form-data body is malformed.');
      resolve();
    });
    parser.on('close', resolve);
    req.pipe(parser);
  });
  if (problem) {
    req.unpipe(parser);
    await drain(req, drainLimit);
    throw problem;
  }
  return { fields, file };
}
