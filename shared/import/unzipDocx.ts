/**
 * Read the parts of a .docx that import needs, with limits against zip bombs: at most `maxEntries` entries, and
 * the sizes the archive declares for the parts we read may add up to at most `maxUncompressedBytes`. fflate writes
 * each part into a buffer of its declared size and never grows it, so a part that lies about its size cannot
 * inflate past the limit either.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ImportError } from './ImportError.ts';

export interface ImportLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxEntries: 2000, maxUncompressedBytes: 100 * 1024 * 1024 };

const PARTS = {
  contentTypes: '[Content_Types].xml',
  document: 'word/document.xml',
  documentRels: 'word/_rels/document.xml.rels',
  footnotes: 'word/footnotes.xml',
  footnotesRels: 'word/_rels/footnotes.xml.rels',
  endnotes: 'word/endnotes.xml',
  endnotesRels: 'word/_rels/endnotes.xml.rels',
  numbering: 'word/numbering.xml',
  styles: 'word/styles.xml',
} as const;

export type DocxParts = { -readonly [K in keyof typeof PARTS]?: string } & {
  document: string;
  /** Pictures stored in the package (`word/media/...`), by their path; counted in the same size limit. */
  media: Record<string, Uint8Array>;
};

const WANTED = new Set<string>(Object.values(PARTS));
const MEDIA = /^word\/media\/[^/]+$/;

export function unzipDocx(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): DocxParts {
  let entries = 0;
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (++entries > limits.maxEntries) {
          throw new ImportError('too_many_entries', `The file holds more than ${limits.maxEntries} entries; a Word document has far fewer.`, { max: limits.maxEntries });
        }
        if (!WANTED.has(file.name) && !MEDIA.test(file.name)) return false;
        declared += file.originalSize;
        if (file.originalSize > limits.maxUncompressedBytes || declared > limits.maxUncompressedBytes) {
          throw new ImportError('too_large', `The document's text is larger than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB uncompressed.`, { mb: Math.round(limits.maxUncompressedBytes / 1048576) });
        }
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError('not_a_zip', 'This file is not a Word document (.docx): it is not a zip archive, or it is damaged.');
  }
  const document = files[PARTS.document];
  if (!document || !files[PARTS.contentTypes]) {
    throw new ImportError('not_a_document', 'This zip archive is not a Word document (.docx): it has no word/document.xml.');
  }
  const parts: Partial<DocxParts> = { media: {} };
  for (const [name, data] of Object.entries(files)) if (MEDIA.test(name)) parts.media![name] = data;
  for (const [key, name] of Object.entries(PARTS) as [keyof typeof PARTS, string][]) {
    const data = files[name];
    if (data) parts[key] = strFromU8(data);
  }
  return parts as DocxParts;
}
