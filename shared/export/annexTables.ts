/** Titles and table cells of the annexes and notes heading, shared by the Word and PDF writers. */
import { documentWords, type DocumentWords } from '../i18n/documentWords.ts';
import { TAG_COLUMNS, type TagKind } from './annex.ts';
import type { PriorRecommendation } from './input.ts';
import type { TagAnnexRow } from './model.ts';

/** The annexes' and notes' headings in the document's language (BCP 47; English for others). */
export function annexTitles(language: string): { tags: string; prior: string; notes: string } {
  const words = documentWords(language);
  return { tags: words.annexTags, prior: words.annexPrior, notes: words.notesHeading };
}

export function priorAnnexHeader(language: string): string[] {
  const words = documentWords(language);
  return [words.recommendation, words.source, words.assessment, words.comment];
}

const COLUMN_WORDS: Record<TagKind, keyof DocumentWords> = {
  article: 'columnArticles',
  'general-comment': 'columnGeneralComments',
  sdg: 'columnSdg',
  'upr-theme': 'columnUprThemes',
  recommendation: 'columnRecommendations',
  other: 'columnOther',
};

/** The tag annex as a table: a column for each kind of tag some section has, one tag per line. */
export function tagAnnexTable(rows: TagAnnexRow[], language = ''): { header: string[]; rows: string[][] } {
  const columns = TAG_COLUMNS.filter((c) => rows.some((r) => r.tags[c.kind].length > 0));
  const words = documentWords(language);
  return {
    header: [words.section, ...columns.map((c) => words[COLUMN_WORDS[c.kind]])],
    rows: rows.map((r) => [r.section, ...columns.map((c) => r.tags[c.kind].join('\n'))]),
  };
}

export function priorAnnexCells(rows: PriorRecommendation[]): string[][] {
  return rows.map((r) => [r.text, r.source, r.assessment, r.comment]);
}
