/** Titles and table cells of the annexes and notes heading, shared by the Word and PDF writers. */
import { TAG_COLUMNS } from './annex.ts';
import type { PriorRecommendation } from './input.ts';
import type { TagAnnexRow } from './model.ts';

export const ANNEX_TITLES = {
  tags: 'Annex: treaty articles, general recommendations, SDG targets and UPR themes addressed by each section',
  prior: 'Annex: implementation of earlier recommendations',
  notes: 'Notes',
} as const;

export const PRIOR_ANNEX_HEADER = ['Recommendation', 'Source', 'Assessment', 'Comment'];

/** The tag annex as a table: a column for each kind of tag some section has, one tag per line. */
export function tagAnnexTable(rows: TagAnnexRow[]): { header: string[]; rows: string[][] } {
  const columns = TAG_COLUMNS.filter((c) => rows.some((r) => r.tags[c.kind].length > 0));
  return {
    header: ['Section', ...columns.map((c) => c.title)],
    rows: rows.map((r) => [r.section, ...columns.map((c) => r.tags[c.kind].join('\n'))]),
  };
}

export function priorAnnexCells(rows: PriorRecommendation[]): string[][] {
  return rows.map((r) => [r.text, r.source, r.assessment, r.comment]);
}
