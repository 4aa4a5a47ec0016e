export { parseDocx, writeImportedSections, importIntoSection, ImportError, DEFAULT_IMPORT_LIMITS } from './importDocx.ts';
export type { ImportOptions } from './importDocx.ts';
export type { ImportedSection, SplitResult } from './sections.ts';
export type { SkippedContent } from './docxInlines.ts';
export type { ImportLimits } from './unzipDocx.ts';
export type { ImportErrorCode } from './ImportError.ts';
