/** What a user can choose when exporting, with defaults, and the one parser for query strings and forms. */
import { AUDIENCES, type Audience } from '../report/testimony.ts';
import { CONSENT_HANDLING, type ConsentHandling } from './audience.ts';

export const EXPORT_FORMATS = ['docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const NOTE_PLACEMENTS = ['footnotes', 'endnotes'] as const;
export type NotePlacement = (typeof NOTE_PLACEMENTS)[number];

export interface ExportOptions {
  /** Footnotes at the page foot or endnotes at the end. UPR submissions use endnotes; PDF always puts notes at the end. */
  notes: NotePlacement;
  /** Number body paragraphs 1., 2., 3. continuously through the report, as UPR submissions require. */
  numberParagraphs: boolean;
  /** The annexes: tags per section (treaty articles, SDG targets, recommendations) and the earlier-recommendations matrix. */
  includeAnnex: boolean;
  /**
   * Open suggestions (from the discussion document) exported as if accepted or as if rejected; see
   * withSuggestions.ts. The caller applies them when reading the report (`exportInputFromDoc`). Comments are never
   * part of the file.
   */
  suggestions: 'accepted' | 'rejected';
  /** A diagonal DRAFT watermark on every page. */
  watermark: boolean;
  /** Who the file is for: a public submission, or the committee only in confidence (shared/export/audience.ts). */
  audience: Audience;
  /** A passage whose consent does not cover the audience stops the export ('block') or is left out. */
  onConsent: ConsentHandling;
}

export function defaultExportOptions(mechanism: string): ExportOptions {
  return {
    notes: mechanism === 'UPR' ? 'endnotes' : 'footnotes',
    numberParagraphs: true,
    includeAnnex: true,
    suggestions: 'accepted',
    watermark: false,
    audience: 'public',
    onConsent: 'block',
  };
}

export interface OptionProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

function bool(raw: string | null | undefined, field: string, problems: OptionProblem[]): boolean | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  problems.push({ field, message: `"${field}" must be true or false.`, params: { field } });
  return undefined;
}

function oneOf<T extends string>(raw: string | null | undefined, field: string, allowed: readonly T[], problems: OptionProblem[]): T | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push({ field, message: `"${field}" must be one of ${allowed.join(', ')}.`, params: { field, values: allowed.join(', ') } });
  return undefined;
}

/**
 * Read options from query parameters (`notes`, `numberParagraphs`, `annex`, `suggestions`, `watermark`, `audience`,
 * `onConsent`); missing
 * ones take the mechanism's defaults.
 */
export function parseExportOptions(
  get: (name: string) => string | null | undefined,
  mechanism: string,
): { ok: true; value: ExportOptions } | { ok: false; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const defaults = defaultExportOptions(mechanism);
  const value: ExportOptions = {
    notes: oneOf(get('notes'), 'notes', NOTE_PLACEMENTS, problems) ?? defaults.notes,
    numberParagraphs: bool(get('numberParagraphs'), 'numberParagraphs', problems) ?? defaults.numberParagraphs,
    includeAnnex: bool(get('annex'), 'annex', problems) ?? defaults.includeAnnex,
    suggestions: oneOf(get('suggestions'), 'suggestions', ['accepted', 'rejected'] as const, problems) ?? defaults.suggestions,
    watermark: bool(get('watermark'), 'watermark', problems) ?? defaults.watermark,
    audience: oneOf(get('audience'), 'audience', AUDIENCES, problems) ?? defaults.audience,
    onConsent: oneOf(get('onConsent'), 'onConsent', CONSENT_HANDLING, problems) ?? defaults.onConsent,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** The query string for `GET /api/reports/:id/export` (the inverse of `parseExportOptions`). */
export function exportQuery(format: ExportFormat, options: Partial<ExportOptions>): string {
  const params: [string, string][] = [['format', format]];
  if (options.notes) params.push(['notes', options.notes]);
  if (options.numberParagraphs !== undefined) params.push(['numberParagraphs', String(options.numberParagraphs)]);
  if (options.includeAnnex !== undefined) params.push(['annex', String(options.includeAnnex)]);
  if (options.suggestions) params.push(['suggestions', options.suggestions]);
  if (options.watermark !== undefined) params.push(['watermark', String(options.watermark)]);
  if (options.audience) params.push(['audience', options.audience]);
  if (options.onConsent) params.push(['onConsent', options.onConsent]);
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
