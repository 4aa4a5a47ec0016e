/** What the import preview shows: each section found, with its words and notes, the totals, and what is left out. */
import { footnotesIn, footnoteText, nodeText, type PmNode } from '../../../../shared/report/content.ts';
import { countWords } from '../../../../shared/report/wordCount.ts';
import type { SkippedContent } from '../../../../shared/import/index.ts';
import { i18n } from '../../i18n/i18n.ts';

export interface SectionPreview {
  title: string;
  /** Words of the text, notes left out. */
  words: number;
  notes: number;
  /** Words inside the notes. */
  noteWords: number;
}

export interface ImportSummary {
  sections: SectionPreview[];
  words: number;
  notes: number;
}

export function summariseImport(sections: { title: string; content: PmNode }[]): ImportSummary {
  const previews = sections.map((s) => {
    const notes = footnotesIn(s.content);
    return {
      title: s.title,
      words: countWords(nodeText(s.content)),
      notes: notes.length,
      noteWords: notes.reduce((sum, n) => sum + countWords(footnoteText(n)), 0),
    };
  });
  return {
    sections: previews,
    words: previews.reduce((sum, s) => sum + s.words, 0),
    notes: previews.reduce((sum, s) => sum + s.notes, 0),
  };
}

/** What to tell someone whose document holds images the report cannot (the editor has no image node); null if none. */
export function skippedNotice(skipped: SkippedContent): string | null {
  if (skipped.images <= 0) return null;
  // Which ones, when the parser said ("a chart, a picture in EMF format").
  // The parser's descriptions are English data from the shared importer.
  if (!skipped.which?.length) return i18n.t('editing.import.skipped', { count: skipped.images });
  return i18n.t('editing.import.skippedWhich', { count: skipped.images, which: [...new Set(skipped.which)].join(', ') });
}
