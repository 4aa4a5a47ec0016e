/** Titles and table cells of the annexes and notes heading, shared by the Word and PDF writers. */
import type { PriorRecommendation } from './input.ts';
import type { TagAnnexRow } from './model.ts';

export const ANNEX_TITLES = {
  tags: 'Annex: treaty articles, SDG targets and recommendations addressed by each section',
  prior: 'Annex: implementation of earlier recommendations',
  notes: 'Notes',
} as const;

export const TAG_ANNEX_HEADER = ['Section', 'Treaty articles', 'SDG targets', 'Recommendations'];
export const PRIOR_ANNEX_HEADER = ['Recommendation', 'Source', 'Assessment', 'Comment'];

/** Table rows of the tag annex as text; tags no column claims go with the articles. */
export function tagAnnexCells(rows: TagAnnexRow[]): string[][] {
  return rows.map((r) => [r.section, [...r.articles, ...r.other].join('\n'), r.sdgs.join('\n'), r.recommendations.join('\n')]);
}

export function priorAnnexCells(rows: PriorRecommendation[]): string[][] {
  return rows.map((r) => [r.text, r.source, r.assessment, r.comment]);
}
