/** Why a file could not be imported; `code` is stable, for the API's `{ error: { code, message } }`. */
export type ImportErrorCode = 'not_a_zip' | 'not_a_document' | 'too_large' | 'too_many_entries' | 'invalid_xml';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** The values `message` is built from. */
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}
