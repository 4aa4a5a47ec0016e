import { describe, expect, it } from 'vitest';
import type { Inline } from '../model.ts';
import { bidiParagraph } from './bidiLines.ts';
import type { Measure } from './measure.ts';

/** Every character is as wide as the font size: enough to test breaking and ordering. */
const measure: Measure = (text, style) => [...text].length * style.fontSize;
const line = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');
const t = (text: string): Inline => ({ kind: 'text', text });

describe('bidiParagraph', () => {
  it('draws an Arabic line from the right: words in reverse order, right-aligned', () => {
    const p = bidiParagraph([t('حقوق الطفل أولا')], 1000, measure, 1);
    expect(p.alignment).toBe('right');
    expect(p.lines.map(line)).toEqual(['أولا الطفل حقوق']);
  });

  it('keeps a left-to-right run (a name, a year) in its own order inside Arabic text', () => {
    const p = bidiParagraph([t('تقرير UNICEF 2024 الجديد')], 1000, measure, 1);
    expect(p.lines.map(line)).toEqual(['الجديد UNICEF 2024 تقرير']);
  });

  it('breaks lines in reading order before ordering each line', () => {
    const p = bidiParagraph([t('أ ب ت ث ج ح')], 5.3, measure, 1);
    expect(p.lines.map(line)).toEqual(['ت ب أ', 'ح ج ث']);
  });

  it('reverses only the Arabic run in a left-to-right paragraph', () => {
    const p = bidiParagraph([t('The term حقوق الإنسان means human rights')], 1000, measure, 1);
    expect(p.alignment).toBe('left');
    expect(p.lines.map(line)).toEqual(['The term الإنسان حقوق means human rights']);
  });

  it('draws a note mark at the end of its word, which is its left in Arabic', () => {
    const p = bidiParagraph([t('حقوق الطفل'), { kind: 'note', number: 7 }], 1000, measure, 1);
    expect(p.lines[0]!.map((x) => x.text)).toEqual(['7', 'الطفل', ' ', 'حقوق']);
  });
});
