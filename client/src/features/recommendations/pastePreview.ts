/**
 * What a pasted recommendation list will add, before anything is written: the parsed recommendations with the
 * ids they will get, which of them the report already has (their text and response are refreshed, the
 * assessment kept), and every problem the parser met, with its line. Pure, so it is unit-tested.
 */
import type { NewEarlierRecommendation, RecommendationResponse } from '../../../../shared/report/earlierRecommendations.ts';
import { parseUprRecommendations, type ParsedRecommendation } from '../../../../shared/recommendations/parseUprList.ts';
import { recommendationTagId } from '../../../../shared/taxonomy/tagIds.ts';
import { i18n } from '../../i18n/i18n.ts';

export interface PreviewItem extends ParsedRecommendation {
  /** The tag id it will have, or null until a document symbol is known. */
  id: string | null;
  /** The report already has it. */
  exists: boolean;
}

export interface PastePreview {
  symbol: string;
  /** The symbol was read from the paste rather than typed. */
  symbolFromPaste: boolean;
  items: PreviewItem[];
  /** What could not be read, said in the interface language, by line (0: the paste as a whole). */
  problems: { line: number; message: string }[];
  /** What "Add" writes. */
  ready: NewEarlierRecommendation[];
}

export function previewPaste(
  pasted: string,
  typedSymbol: string,
  existingIds: ReadonlySet<string>,
  defaultResponse: RecommendationResponse | null = null,
): PastePreview {
  const parsed = parseUprRecommendations(pasted, { defaultResponse });
  const typed = typedSymbol.trim();
  const symbol = typed || parsed.symbol || '';
  const problems = parsed.problems.map((p) => ({ line: p.line, message: i18n.t(`pasteProblems.${p.code}`, { detail: p.detail }) }));
  if (!symbol && parsed.recommendations.length > 0) {
    problems.unshift({ line: 0, message: i18n.t('editing.pastePreview.symbolMissing') });
  }
  const badSymbol = symbol !== '' && parsed.recommendations.length > 0 && recommendationTagId(symbol, parsed.recommendations[0]!.paragraph) === null;
  if (badSymbol) problems.unshift({ line: 0, message: i18n.t('editing.pastePreview.badSymbol', { symbol }) });
  const items = parsed.recommendations.map((r) => {
    const id = symbol ? recommendationTagId(symbol, r.paragraph) : null;
    return { ...r, id, exists: id !== null && existingIds.has(id) };
  });
  const ready = items
    .filter((i) => i.id !== null)
    .map((i) => ({ symbol, paragraph: i.paragraph, text: i.text, recommendedBy: i.recommendedBy, response: i.response }));
  return { symbol, symbolFromPaste: !typed && parsed.symbol !== null, items, problems: problems.sort((a, b) => a.line - b.line), ready };
}
