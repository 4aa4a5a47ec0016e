import { beforeAll, describe, expect, it } from 'vitest';
import type { PmNode } from '../../../../shared/report/content.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { skippedNotice, summariseImport } from './importSummary.ts';

beforeAll(() => initI18n('en'));

const text = (t: string): PmNode => ({ type: 'text', text: t });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const note = (t: string): PmNode => ({ type: 'footnote', content: [text(t)] });

describe('summariseImport', () => {
  it('counts words without the notes, and the notes apart', () => {
    const summary = summariseImport([
      { title: 'Women in employment', content: { type: 'doc', content: [para(text('Women earn a fifth less'), note('Labour force survey 2022.'), text(' than men.'))] } },
      { title: 'Empty heading', content: { type: 'doc', content: [] } },
      {
        title: 'Violence',
        content: { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Shelters closed'), note('Shelter network.'))] }] }] },
      },
    ]);
    expect(summary.sections).toEqual([
      { title: 'Women in employment', words: 7, notes: 1, noteWords: 4 },
      { title: 'Empty heading', words: 0, notes: 0, noteWords: 0 },
      { title: 'Violence', words: 2, notes: 1, noteWords: 2 },
    ]);
    expect(summary.words).toBe(9);
    expect(summary.notes).toBe(2);
  });
});

describe('skippedNotice', () => {
  it('says how many images were left out and what to do, and nothing when there were none', () => {
    expect(skippedNotice({ images: 0 })).toBeNull();
    expect(skippedNotice({ images: 1 })).toBe('1 image was not imported: add it to the Word file you send.');
    expect(skippedNotice({ images: 2 })).toBe('2 images were not imported: add them to the Word file you send.');
  });
});

describe('skippedNotice in large numbers', () => {
  it('groups thousands', () => {
    expect(skippedNotice({ images: 12040 })).toBe('12,040 images were not imported: add them to the Word file you send.');
  });
});

describe('skippedNotice with what was left out (issue 12)', () => {
  it('names what could not come, once each', () => {
    expect(skippedNotice({ images: 3, which: ['a chart', 'a picture in EMF format', 'a chart'] })).toBe(
      '3 images were not imported (a chart, a picture in EMF format): add them to the Word file you send.',
    );
  });
});
