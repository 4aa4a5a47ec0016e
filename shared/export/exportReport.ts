/** The one entry point of export, for the server and the browser alike: a report in, a file's bytes out. */
import type { TagResolver } from './annex.ts';
import { buildExportModel } from './buildModel.ts';
import { renderDocx } from './docx/renderDocx.ts';
import { exportFileName } from './fileName.ts';
import type { ExportInput } from './input.ts';
import type { ProgressCallback } from './model.ts';
import type { ExportFormat, ExportOptions } from './options.ts';
import { ConsentBlockedError, applyAudience, auditExport } from './audience.ts';
import type { PdfFonts, PdfMakeEngine } from './pdf/pdfFonts.ts';
import { renderPdf } from './pdf/renderPdf.ts';

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ExportRequest {
  format: ExportFormat;
  options: ExportOptions;
  /** Labels and columns for section tags; without one, `input.tagLabels` are used, else the ids are printed. */
  tagResolver?: TagResolver;
  /** Called with 0..1 while the export runs (the model, then the writer). */
  onProgress?: ProgressCallback;
  /** Needed for PDF: the pdfmake build of the platform and the fonts to embed. */
  pdf?: { engine: PdfMakeEngine; fonts: PdfFonts };
}

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export class ExportSetupError extends Error {}

export async function exportReport(input: ExportInput, request: ExportRequest): Promise<ExportedFile> {
  const { format, options, onProgress } = request;
  if (format === 'pdf' && !request.pdf) throw new ExportSetupError('PDF export needs a pdfmake engine and fonts.');
  onProgress?.(0);
  // Consent and sensitive names first: a blocked export makes no file at all.
  if (options.onConsent === 'block') {
    const exclusions = auditExport(input, options.audience);
    if (exclusions.some((e) => e.blocking)) throw new ConsentBlockedError(exclusions);
  }
  const prepared = applyAudience(input, options.audience);
  const model = buildExportModel(prepared, options, { tagResolver: request.tagResolver, onProgress });
  const bytes = format === 'docx' ? await renderDocx(model, onProgress) : await renderPdf(model, { ...request.pdf!, onProgress });
  return { bytes, fileName: exportFileName(prepared.meta, format), mimeType: EXPORT_MIME_TYPES[format] };
}
