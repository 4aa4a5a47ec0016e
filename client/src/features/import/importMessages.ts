/** What to tell someone whose Word file could not be imported, by the stable error code (shared ImportError or API). */
import { i18n } from '../../i18n/i18n.ts';

/** Largest upload the server takes by default (MAX_IMPORT_BYTES); checked here first so nobody waits for a refusal. */
export const MAX_IMPORT_FILE_BYTES = 25 * 1024 * 1024;

/** The message key for each error code. */
const MESSAGES: Record<string, string> = {
  not_a_zip: 'editing.importError.notAZip',
  not_a_document: 'editing.importError.notADocument',
  invalid_xml: 'editing.importError.invalidXml',
  too_large: 'editing.importError.tooLarge',
  too_many_entries: 'editing.importError.tooManyEntries',
  payload_too_large: 'editing.importError.payloadTooLarge',
  missing_file: 'editing.importError.missingFile',
  empty: 'editing.importError.empty',
};

/** A clear message for an import error code, in the interface language; `fallback` (the server's message) for codes not listed. */
export function importErrorMessage(code: string, fallback?: string): string {
  const key = MESSAGES[code];
  if (key) return i18n.t(key, { size: MAX_IMPORT_FILE_BYTES / 1024 / 1024 });
  return fallback ?? i18n.t('editing.importError.failed');
}
