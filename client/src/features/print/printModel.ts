/**
 * What Print puts on paper: the export's own document model (shared/export/buildModel.ts), so paragraph numbers,
 * note numbers, annex titles and the cover read exactly as in an exported file. Paragraphs are numbered when the
 * report says so (the cover's "Paragraph numbering"); open suggestions are applied as the export does by default;
 * notes come at the end, as in the PDF export (browsers cannot put notes at the foot of a printed page).
 */
import type * as Y from 'yjs';
import { buildExportModel } from '../../../../shared/export/buildModel.ts';
import { exportInputFromDoc } from '../../../../shared/export/input.ts';
import type { ExportDocument } from '../../../../shared/export/model.ts';
import { defaultExportOptions, type ExportOptions } from '../../../../shared/export/options.ts';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';

export interface PrintSources {
  /** The discussion document, for open suggestions; without it the text is printed as written. */
  discussion?: Y.Doc | null;
  /** The organisations the cover names (sign-on), when known. */
  organisations?: string[];
}

export function printModel(doc: Y.Doc, sources: PrintSources = {}): ExportDocument {
  const defaults = defaultExportOptions('');
  const options: ExportOptions = {
    ...defaults,
    notes: 'endnotes',
    numberParagraphs: getCoverFields(doc).paragraphNumbering,
    // The tag annex and the earlier-recommendations matrix are tables for the committee: exports carry them.
    includeAnnex: false,
    watermark: false,
  };
  const suggestions = sources.discussion ? { discussion: sources.discussion, mode: options.suggestions } : undefined;
  const input = exportInputFromDoc(doc, { suggestions, organisations: sources.organisations });
  return buildExportModel(input, options);
}
