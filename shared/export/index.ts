export { exportReport, EXPORT_MIME_TYPES, ExportSetupError, type ExportRequest, type ExportedFile } from './exportReport.ts';
export { exportInputFromDoc, type ExportInput } from './input.ts';
export { buildExportModel } from './buildModel.ts';
export { contentWithSuggestions, type SuggestionSource } from './withSuggestions.ts';
export { defaultExportOptions, parseExportOptions, exportQuery, EXPORT_FORMATS, NOTE_PLACEMENTS, type ExportFormat, type ExportOptions } from './options.ts';
export { exportFileName, slugify, contentDisposition } from './fileName.ts';
export { tagIdResolver, tagAnnexRows, labelResolver, TAG_COLUMNS, type TagResolver, type TagLabel, type TagKind } from './annex.ts';
export { loadPdfFonts, PDF_FONT_FILES, type PdfFonts, type PdfMakeEngine } from './pdf/pdfFonts.ts';
export type { ExportDocument, ProgressCallback } from './model.ts';
