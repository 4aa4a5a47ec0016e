/**
 * Lines of a paragraph that holds right-to-left text, broken and ordered here because pdfmake lays out words left
 * to right only (its RTL support is an open feature request). Words are measured with fontkit, broken into lines
 * greedily, and each line is put into visual order: runs of right-to-left words are reversed, left-to-right runs
 * (names, numbers) keep their order, and the base direction comes from the first strong character, as in UAX #9
 * rules P2 and P3. Inside a word fontkit already shapes and orders the Arabic glyphs.
 */
import { firstStrongDirection, wordDirection, type Direction } from '../direction.ts';
import type { Inline } from '../model.ts';
import type { Measure } from './measure.ts';
import { FAMILY } from './pdfFonts.ts';
import { noteMark, textPieces, type PdfText } from './pdfInlines.ts';

interface Token {
  pieces: PdfText[];
  text: string;
  width: number;
  dir: Direction | null;
}

/** pdfmake measures its own lines slightly differently (kerning across pieces); keep a margin so it never re-wraps. */
const SAFETY = 0.96;
const SUP_SCALE = 0.58;

function scriptOfFamily(font: string | undefined) {
  return font === FAMILY.arabic ? 'arabic' : font === FAMILY.cjk ? 'cjk' : 'latin';
}

function tokenize(inlines: Inline[], measure: Measure, fontSize: number, bold: boolean): (Token | 'break')[] {
  const out: (Token | 'break')[] = [];
  let current: Token | null = null;
  const finish = () => {
    if (current) out.push(current);
    current = null;
  };
  const add = (piece: PdfText) => {
    const size = piece.sup ? fontSize * SUP_SCALE : fontSize;
    const width = measure(piece.text, { script: scriptOfFamily(piece.font), bold: !!piece.bold, italic: !!piece.italics, fontSize: size });
    current ??= { pieces: [], text: '', width: 0, dir: null };
    current.pieces.push(piece);
    if (!piece.sup) current.text += piece.text;
    current.width += width;
  };
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      finish();
      out.push('break');
    } else if (inline.kind === 'note') {
      add(noteMark(inline.number));
    } else {
      for (const part of inline.text.split(/(\s+)/)) {
        if (part === '') continue;
        if (/^\s+$/.test(part)) finish();
        else for (const piece of textPieces({ ...inline, text: part }, { bold })) add(piece);
      }
    }
  }
  finish();
  for (const t of out) if (t !== 'break') t.dir = wordDirection(t.text);
  return out;
}

function breakLines(tokens: (Token | 'break')[], width: number, spaceWidth: number): Token[][] {
  const lines: Token[][] = [];
  let line: Token[] = [];
  let used = 0;
  for (const token of tokens) {
    if (token === 'break') {
      lines.push(line);
      line = [];
      used = 0;
      continue;
    }
    const extra = line.length > 0 ? spaceWidth + token.width : token.width;
    if (line.length > 0 && used + extra > width * SAFETY) {
      lines.push(line);
      line = [token];
      used = token.width;
    } else {
      line.push(token);
      used += extra;
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** The tokens of one line in the order they are drawn from left to right. */
function visualOrder(line: Token[], base: Direction): Token[] {
  const dirs = line.map((t, i) => {
    if (t.dir) return t.dir;
    // A neutral (punctuation, a lone note mark) between two words of one direction takes it; otherwise the base.
    const before = line.slice(0, i).reverse().find((x) => x.dir)?.dir;
    const after = line.slice(i + 1).find((x) => x.dir)?.dir;
    return before && before === after ? before : base;
  });
  const runs: { dir: Direction; tokens: Token[] }[] = [];
  line.forEach((token, i) => {
    const dir = dirs[i]!;
    const last = runs[runs.length - 1];
    if (last && last.dir === dir) last.tokens.push(token);
    else runs.push({ dir, tokens: [token] });
  });
  if (base === 'rtl') runs.reverse();
  return runs.flatMap((run) => (run.dir === 'rtl' ? [...run.tokens].reverse() : run.tokens));
}

function drawn(token: Token): PdfText[] {
  // Pieces of a right-to-left word (a bold prefix, a note mark after it) are drawn from its end.
  return token.dir === 'rtl' ? [...token.pieces].reverse() : token.pieces;
}

export interface BidiParagraph {
  lines: PdfText[][];
  alignment: 'left' | 'right';
}

export function bidiParagraph(inlines: Inline[], width: number, measure: Measure, fontSize: number, bold = false): BidiParagraph {
  const plain = inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
  const base = firstStrongDirection(plain) ?? 'ltr';
  const spaceWidth = measure(' ', { script: 'latin', bold: false, italic: false, fontSize });
  const lines = breakLines(tokenize(inlines, measure, fontSize, bold), width, spaceWidth).map((line) => {
    const out: PdfText[] = [];
    visualOrder(line, base).forEach((token, i) => {
      if (i > 0) out.push({ text: ' ', font: FAMILY.latin });
      out.push(...drawn(token));
    });
    return out.length > 0 ? out : [{ text: ' ' }];
  });
  return { lines, alignment: base === 'rtl' ? 'right' : 'left' };
}
