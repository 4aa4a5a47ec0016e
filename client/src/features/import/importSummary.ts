/** What the import preview shows: each section found, with its words and notes, and the totals. */
import { footnotesIn, footnoteText, nodeText, type PmNode } from '../../../../shared/report/content.ts';
import { countWords } from '../../../../shared/report/wordCount.ts';

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

/** "1 section", "3 sections", "1,204 words" ... */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
