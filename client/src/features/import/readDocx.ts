/**
 * Read a chosen .docx in the browser with the shared importer (loaded on first use), for the preview and for
 * importing offline or into an open report. The server runs the same parser on upload, so both give the same sections.
 */
import type { SplitResult } from '../../../../shared/import/sections.ts';
import { MAX_IMPORT_FILE_BYTES } from './importMessages.ts';

/** A refusal with a stable code (see importMessages.ts). */
export class ImportRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function readDocx(file: Blob, headingLevel: number): Promise<SplitResult> {
  // i18n-exempt: for the log; the dialog shows importErrorMessage(code)
  if (file.size > MAX_IMPORT_FILE_BYTES) throw new ImportRefused('payload_too_large', 'The file is over the size limit.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { parseDocx, ImportError } = await import('../../../../shared/import/index.ts');
  try {
    const result = parseDocx(bytes, { headingLevel });
    // i18n-exempt: for the log; the dialog shows importErrorMessage(code)
    if (result.sections.length === 0) throw new ImportRefused('empty', 'No text in the document.');
    return result;
  } catch (err) {
    if (err instanceof ImportError) throw new ImportRefused(err.code, err.message);
    throw err;
  }
}
