/**
 * The one rule for what counts toward a word limit, used by the app's counter, the content API, the checks and
 * the exported cover (README "Word limits"): the words of each section's text, headings inside it included;
 * footnotes and annex sections only when the limits table does not leave them out. Section titles, the cover
 * page and the annexes export generates (tags, earlier recommendations) are never counted.
 */
import type { NotCounted } from './wordLimits.ts';

export interface SectionWordParts {
  annex: boolean;
  /** Words of the text outside footnotes. */
  body: number;
  /** Words inside footnotes. */
  footnotes: number;
}

/** What one section adds to the count the limit applies to. */
export function countedWords(section: SectionWordParts, notCounted: readonly NotCounted[]): number {
  if (section.annex && notCounted.includes('annexes')) return 0;
  return section.body + (notCounted.includes('footnotes') ? 0 : section.footnotes);
}
