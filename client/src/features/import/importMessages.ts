/** What to tell someone whose Word file could not be imported, by the stable error code (shared ImportError or API). */

/** Largest upload the server takes by default (MAX_IMPORT_BYTES); checked here first so nobody waits for a refusal. */
export const MAX_IMPORT_FILE_BYTES = 25 * 1024 * 1024;

const MESSAGES: Record<string, string> = {
  not_a_zip:
    'This file is not a Word document (.docx). If it is an older .doc, a PDF or an OpenDocument file, open it in Word or LibreOffice and save it as “Word Document (.docx)”, then import that.',
  not_a_document: 'This file is a zip archive but not a Word document: it has no document text inside. Choose the .docx file itself.',
  invalid_xml: 'This document is damaged: its text could not be read. Open it in Word or LibreOffice, save it again as .docx and import the new file.',
  too_large: 'This document is too large to import once unpacked. Split it into smaller documents and import them one by one.',
  too_many_entries: 'This file holds far more parts than a Word document does, so it is not imported. Save the document again as .docx and retry.',
  payload_too_large: `This file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB. Remove large images (they are not imported anyway) or split the document, then try again.`,
  missing_file: 'Choose a .docx file to import.',
  empty: 'No text was found in this document, so there is nothing to import.',
};

/** A clear message for an import error code; `fallback` (the server's message) for codes not listed. */
export function importErrorMessage(code: string, fallback?: string): string {
  return MESSAGES[code] ?? fallback ?? 'The document could not be imported. Try again, or save it again as .docx in Word or LibreOffice.';
}
