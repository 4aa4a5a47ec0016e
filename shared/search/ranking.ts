/**
 * The one ranking every search of the app uses (the taxonomy, the library), the same in the browser (offline) and
 * on the server: an exact id, then ids that start with the query (shorter ids first), then items whose label or
 * text has every query word as a word prefix, label words counting more than text words.
 */

/** An item prepared for ranking: its id folded, its label and text as space-padded token strings. */
export interface RankedFields {
  id: string;
  label: string;
  text: string;
}

export type RankMatch = 'id' | 'id-prefix' | 'words';

const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*/gu;

/** Lower case without accents, so "reparacion" finds "reparación". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function tokens(s: string): string[] {
  return fold(s).match(TOKEN) ?? [];
}

/** Tokens joined with spaces around them, so a word prefix is a plain `includes(' ' + word)`. */
export function haystack(s: string): string {
  return ` ${tokens(s).join(' ')} `;
}

/** An item's fields ready for `rank`. */
export function rankedFields(id: string, label: string, text: string): RankedFields {
  return { id: fold(id), label: haystack(label), text: haystack(text) };
}

/** A query split the ways people type it: as ids ("ICERD 5" is "icerd:5") and as words. */
export interface RankQuery {
  ids: string[];
  words: string[];
}

export function rankQuery(query: string): RankQuery | null {
  const q = fold(query.trim());
  if (!q) return null;
  return { ids: [...new Set([q, q.replace(/\s+/, ':'), q.replace(/\s+/g, '')])], words: [...new Set(tokens(q))] };
}

/** How well the item matches, or null when it does not. */
export function rank(item: RankedFields, query: RankQuery): [RankMatch, number] | null {
  const { ids, words } = query;
  if (ids.includes(item.id)) return ['id', 1000];
  let best: [RankMatch, number] | null = null;
  const prefix = ids.find((q) => q.length >= 2 && item.id.startsWith(q));
  if (prefix) best = ['id-prefix', 500 - Math.min(400, item.id.length - prefix.length)];
  if (words.length > 0) {
    let points = 100;
    for (const w of words) {
      const inLabel = item.label.includes(` ${w}`);
      if (!inLabel && !item.text.includes(` ${w}`)) return best;
      points += inLabel ? 20 : 5;
      if (item.label.includes(` ${w} `) || item.text.includes(` ${w} `)) points += 2;
    }
    if (item.label.startsWith(` ${words[0]}`)) points += 10;
    if (!best || points > best[1]) best = ['words', points];
  }
  return best;
}
