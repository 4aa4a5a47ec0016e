/**
 * Sub-paragraphs of treaty articles, cut from an article's official text: numbered paragraphs ("1."), lettered
 * sub-paragraphs ("(a)") and roman items ("(i)") under a line that ends with a colon. Used by the generator
 * (shared/taxonomy/generateProvisions.ts); the parts' ids follow shared/taxonomy/tagIds.ts (`5(e)(iii)`, `11(1)(b)`).
 */

export interface ArticlePart {
  /** The part after the article number: "(e)(iii)", "(1)(b)", "(2)". */
  part: string;
  /** The part's own words; the lines that introduce it are its ancestors' texts ("(e)" for "(e)(iii)"). */
  text: string;
}

const NUMBERED = /^(\d{1,2})\.\s+(.*)$/;
const MARKED = /^\(([a-z]{1,5})\)\s+(.*)$/;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];
const nextLetter = (l: string | null) => (l === null ? 'a' : String.fromCharCode(l.charCodeAt(0) + 1));

/** The parts above a part: "(1)" for "(1)(b)", "(e)" for "(e)(iii)", "(2)(a)" then "(2)" for "(2)(a)(i)". */
export function partAncestors(part: string): string[] {
  const pieces = part.match(/\([^)]+\)/g) ?? [];
  return pieces.slice(0, -1).map((_, i) => pieces.slice(0, pieces.length - 1 - i).join(''));
}

/** Every numbered paragraph, lettered sub-paragraph and roman item of an article, in order. */
export function articleParts(text: string): ArticlePart[] {
  const out: ArticlePart[] = [];
  let number: { n: string; text: string } | null = null;
  let letter: { l: string; text: string } | null = null;
  let roman: string | null = null;
  let previousLine = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const num = NUMBERED.exec(line);
    if (num) {
      number = { n: num[1]!, text: num[2]! };
      letter = null;
      roman = null;
      out.push({ part: `(${number.n})`, text: number.text });
      previousLine = line;
      continue;
    }
    const mark = MARKED.exec(line);
    if (mark) {
      const m = mark[1]!;
      const startsRomans = m === 'i' && letter !== null && previousLine.endsWith(':') && letter.l !== 'h';
      const continuesRomans = roman !== null && ROMAN.indexOf(m) === ROMAN.indexOf(roman) + 1 && m !== nextLetter(letter?.l ?? null);
      const prefix = number ? `(${number.n})` : '';
      if (letter && (startsRomans || continuesRomans)) {
        roman = m;
        out.push({ part: `${prefix}(${letter.l})(${m})`, text: mark[2]! });
      } else if (/^[a-z]$/.test(m)) {
        letter = { l: m, text: mark[2]! };
        roman = null;
        out.push({ part: `${prefix}(${m})`, text: letter.text });
      }
      previousLine = line;
      continue;
    }
    previousLine = line;
  }
  return out;
}
