/**
 * What an upload is, decided from its bytes (file-type's signatures), never from its name or the type the client
 * declared. Anything outside the allow-list is refused with 415, SVG and other markup included: a drawing with a
 * script in it must never be served from this origin.
 */
import { isAttachmentType, type AttachmentType } from '../../../shared/attachments/kinds.ts';
import { HttpError } from '../errors.ts';

/** file-type's answers that mean one of ours. */
const ALIASES: Record<string, AttachmentType> = {
  'audio/x-m4a': 'audio/mp4',
  'audio/ogg; codecs=opus': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/vnd.wave': 'audio/wav',
  'audio/x-wav': 'audio/wav',
};

export class RefusedType extends HttpError {
  constructor(message: string, params?: Record<string, string | number>) {
    super(415, 'unsupported_type', message, 'file', params);
  }
}

const ALLOWED_WORDS = 'images (PNG, JPEG, GIF, WebP), PDF, Word, Excel, OpenDocument text and spreadsheets, plain text, CSV and audio (MP3, Ogg, WAV, M4A)';

/** Plain text: valid UTF-8, no control characters but tab and line ends, and not markup or a script. */
function textType(bytes: Uint8Array, fileName: string): AttachmentType | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) throw new RefusedType('SVG, HTML and XML files are not accepted: they can carry scripts. Export the drawing as PNG.');
  if (start.startsWith('#!')) throw new RefusedType('Scripts are not accepted as attachments.');
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

export async function detectType(bytes: Uint8Array, fileName: string): Promise<AttachmentType> {
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const mime = ALIASES[found.mime] ?? found.mime;
    if (isAttachmentType(mime)) return mime;
    if (found.ext === 'xml') throw new RefusedType('SVG, HTML and XML files are not accepted: they can carry scripts. Export the drawing as PNG.');
    throw new RefusedType(`This file is ${found.ext.toUpperCase()}, which a report cannot hold. Accepted: ${ALLOWED_WORDS}.`, { type: found.ext.toUpperCase(), accepted: ALLOWED_WORDS });
  }
  const text = textType(bytes, fileName);
  if (text) return text;
  throw new RefusedType(`This kind of file cannot be attached. Accepted: ${ALLOWED_WORDS}.`, { accepted: ALLOWED_WORDS });
}
