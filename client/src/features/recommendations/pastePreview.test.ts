import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n/i18n.ts';
import { previewPaste } from './pastePreview.ts';

beforeAll(() => initI18n('en'));

const PASTE = `A/HRC/46/15
26. The following recommendations enjoy the support of Freedonia:
26.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);
26.2 Consider ratifying the Convention on migrant workers (Argentina) (France);
27. The following recommendations have been noted by Freedonia:
27.1 Abolish the death penalty (Germany).`;

describe('Paste preview of earlier recommendations', () => {
  it('reads the symbol from the paste and gives each recommendation its tag id and response', () => {
    const preview = previewPaste(PASTE, '', new Set());
    expect(preview).toMatchObject({ symbol: 'A/HRC/46/15', symbolFromPaste: true, problems: [] });
    expect(preview.items.map((i) => [i.id, i.response, i.recommendedBy])).toEqual([
      ['REC:A/HRC/46/15:26.1', 'supported', ['Denmark']],
      ['REC:A/HRC/46/15:26.2', 'supported', ['Argentina', 'France']],
      ['REC:A/HRC/46/15:27.1', 'noted', ['Germany']],
    ]);
    expect(preview.ready).toHaveLength(3);
  });

  it('marks recommendations the report already has', () => {
    const preview = previewPaste(PASTE, '', new Set(['REC:A/HRC/46/15:26.2']));
    expect(preview.items.map((i) => i.exists)).toEqual([false, true, false]);
  });

  it('asks for a symbol when the paste has none, and adds nothing until it is given', () => {
    const withoutSymbol = PASTE.split('\n').slice(1).join('\n');
    const preview = previewPaste(withoutSymbol, '', new Set());
    expect(preview.problems[0]!.message).toMatch(/Enter the document symbol/);
    expect(preview.ready).toEqual([]);
    expect(previewPaste(withoutSymbol, ' A/HRC/32/4 ', new Set()).ready.map((r) => r.symbol)).toEqual(['A/HRC/32/4', 'A/HRC/32/4', 'A/HRC/32/4']);
  });

  it('refuses a typed symbol that cannot form an id, and passes on the parser’s problems with their lines', () => {
    expect(previewPaste(PASTE, 'A/HRC 46:15', new Set()).problems[0]!.message).toMatch(/is not a document symbol/);
    const broken = previewPaste(`${PASTE}\n27.2 Protect journalists`, '', new Set());
    expect(broken.problems).toEqual([{ line: 7, message: 'No recommending State found at the end of 27.2.' }]);
  });
});
