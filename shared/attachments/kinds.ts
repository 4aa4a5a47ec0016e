/**
 * What a report may hold as an attachment: the allow-list of types (decided from the bytes on the server), what
 * each is called, and the answer of an upload. The server refuses anything else with 415; the client uses the
 * same list for its file picker.
 */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export const DOCUMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
] as const;

export const AUDIO_TYPES = ['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/mp4'] as const;

export type ImageType = (typeof IMAGE_TYPES)[number];
export type AttachmentType = ImageType | (typeof DOCUMENT_TYPES)[number] | (typeof AUDIO_TYPES)[number];

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [...IMAGE_TYPES, ...DOCUMENT_TYPES, ...AUDIO_TYPES];

export function isImageType(mime: string): mime is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(mime);
}

export function isAttachmentType(mime: string): mime is AttachmentType {
  return (ATTACHMENT_TYPES as readonly string[]).includes(mime);
}

/** File name endings for each type (the file picker's `accept`, and the name a download is given). */
export const TYPE_EXTENSIONS: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'audio/mp4': 'm4a',
};

/** A short word for the kind of file, for lists. */
export function typeLabel(mime: string): string {
  if (isImageType(mime)) return 'Image';
  if (mime.startsWith('audio/')) return 'Audio';
  if (mime === 'application/pdf') return 'PDF';
  if (mime.includes('spreadsheet') || mime === 'text/csv') return 'Spreadsheet';
  if (mime === 'text/plain') return 'Text';
  return 'Document';
}

/** The answer of POST /api/reports/:id/attachments, and an entry of the list. */
export interface AttachmentInfo {
  id: string;
  sha256: string;
  size: number;
  mimeType: AttachmentType;
  /** The name it was uploaded with (cleaned), for downloads and the Evidence panel. */
  fileName: string;
  width?: number;
  height?: number;
  uploadedBy: string | null;
  createdAt: string;
}

export function attachmentPath(reportId: string, attachmentId: string): string {
  return `/api/reports/${reportId}/attachments/${attachmentId}`;
}

/** The attachment id in a URL the editor stores (`/api/reports/<report>/attachments/<id>`), or null. */
export function parseAttachmentPath(src: string): { reportId: string; attachmentId: string } | null {
  const m = /^\/api\/reports\/([0-9a-f-]{36})\/attachments\/([0-9a-f-]{36})$/.exec(src);
  return m ? { reportId: m[1]!, attachmentId: m[2]! } : null;
}

/** A name safe to show and to send in Content-Disposition: no path, no control characters, at most 120 characters. */
export function cleanFileName(raw: string, mime: AttachmentType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '').trim().slice(0, 120);
  const ext = TYPE_EXTENSIONS[mime];
  if (!clean) return `attachment.${ext}`;
  return clean.toLowerCase().endsWith(`.${ext}`) || (ext === 'jpg' && /\.jpe?g$/i.test(clean)) ? clean : `${clean.replace(/\.[^.]*$/, '')}.${ext}`;
}
