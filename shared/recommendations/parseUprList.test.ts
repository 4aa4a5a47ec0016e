import { describe, expect, it } from 'vitest';
import { parseUprRecommendations, splitRecommendingStates } from './parseUprList.ts';

/** A section of a Working Group report as it comes out of a PDF: wrapped lines, page furniture, CRLF. */
const PASTED = [
  'A/HRC/46/15',
  'III. Conclusions and/or recommendations',
  '26. The following recommendations have been examined by Freedonia and enjoy the support',
  'of Freedonia:',
  '26.1 Ratify the Optional Protocol to the Convention against Torture (OP-CAT) (Denmark);',
  '26.2 Consider ratifying the International Convention for the Protection of All Persons from',
  'Enforced Disappearance (Argentina) (France);',
  'GE.21-01234',
  '12',
  '26.45 Take measures to combat hate speech against Roma, including online (Germany);',
  '26.46 Strengthen cooperation with treaty bodies (Venezuela (Bolivarian Republic of));',
  '27. The following recommendations have been noted by Freedonia:',
  '27.1 Abolish the death penalty (Australia, Belgium);',
  '27.2 Decriminalize consensual same-sex relations (Iceland) (Malta).',
  '28. All conclusions and/or recommendations contained in the present report reflect the position of the',
  'submitting State(s) and/or the State under review.',
].join('\r\n');

describe('Pasted UPR recommendation lists', () => {
  it('reads paragraph, text, recommending States and the response of each block', () => {
    const { recommendations, symbol, problems } = parseUprRecommendations(PASTED);
    expect(symbol).toBe('A/HRC/46/15');
    expect(problems).toEqual([]);
    expect(recommendations.map(({ line: _line, ...r }) => r)).toEqual([
      { paragraph: '26.1', text: 'Ratify the Optional Protocol to the Convention against Torture (OP-CAT)', recommendedBy: ['Denmark'], response: 'supported' },
      {
        paragraph: '26.2',
        text: 'Consider ratifying the International Convention for the Protection of All Persons from Enforced Disappearance',
        recommendedBy: ['Argentina', 'France'],
        response: 'supported',
      },
      { paragraph: '26.45', text: 'Take measures to combat hate speech against Roma, including online', recommendedBy: ['Germany'], response: 'supported' },
      { paragraph: '26.46', text: 'Strengthen cooperation with treaty bodies', recommendedBy: ['Venezuela (Bolivarian Republic of)'], response: 'supported' },
      { paragraph: '27.1', text: 'Abolish the death penalty', recommendedBy: ['Australia', 'Belgium'], response: 'noted' },
      { paragraph: '27.2', text: 'Decriminalize consensual same-sex relations', recommendedBy: ['Iceland', 'Malta'], response: 'noted' },
    ]);
    expect(recommendations[1]!.line).toBe(6);
  });

  it('leaves the response empty while the State has not answered', () => {
    const { recommendations } = parseUprRecommendations(
      '120. The following recommendations will be examined by Freedonia, which will provide responses in due time:\n120.1 Ratify the ICRMW (Mexico);',
    );
    expect(recommendations[0]!.response).toBeNull();
  });

  it('reads the older "did not enjoy the support" blocks as noted', () => {
    const { recommendations } = parseUprRecommendations(
      '93. The following recommendations did not enjoy the support of Freedonia:\n93.1. Abolish the death penalty (Sweden).',
    );
    expect(recommendations[0]).toMatchObject({ paragraph: '93.1', response: 'noted', recommendedBy: ['Sweden'] });
  });

  it('takes a response written after a line, or a "Supported:" heading, over the block', () => {
    const { recommendations } = parseUprRecommendations(
      ['Supported:', '26.1 Ratify OP-CAT (Denmark);', '26.2 Abolish the death penalty (Sweden); Noted', 'Noted:', '27.1 Ratify the ICRMW (Mexico).'].join('\n'),
    );
    expect(recommendations.map((r) => r.response)).toEqual(['supported', 'noted', 'noted']);
    expect(recommendations[1]!.text).toBe('Abolish the death penalty');
  });

  it('uses the default response when the paste has no block headers', () => {
    const { recommendations } = parseUprRecommendations('26.1 Ratify OP-CAT (Denmark);', { defaultResponse: 'supported' });
    expect(recommendations[0]!.response).toBe('supported');
  });

  it('reports what it cannot read instead of guessing', () => {
    const { recommendations, problems } = parseUprRecommendations(
      ['26.1 Ratify OP-CAT (Denmark);', 'Some stray sentence from another page.', '26.2 Improve prison conditions;', '26.1 Ratify OP-CAT (Denmark, Norway);'].join('\n'),
    );
    expect(problems).toEqual([
      { line: 2, code: 'not-read', detail: 'Some stray sentence from another page.', message: 'Not read as a recommendation: "Some stray sentence from another page."' },
      { line: 3, code: 'no-state', detail: '26.2', message: 'No recommending State found at the end of 26.2.' },
      { line: 4, code: 'duplicate', detail: '26.1', message: 'Paragraph 26.1 appears twice; the later one is kept.' },
    ]);
    expect(recommendations.map((r) => [r.paragraph, r.recommendedBy])).toEqual([
      ['26.1', ['Denmark', 'Norway']],
      ['26.2', []],
    ]);
  });

  it('returns nothing for an empty paste', () => {
    expect(parseUprRecommendations('')).toEqual({ recommendations: [], symbol: null, problems: [] });
  });
});

describe('splitRecommendingStates', () => {
  it('keeps parentheses that belong to the text', () => {
    expect(splitRecommendingStates('Ratify the Convention (ICRMW) (Mexico);')).toEqual({ text: 'Ratify the Convention (ICRMW)', states: ['Mexico'] });
    expect(splitRecommendingStates('Adopt the bill (in line with GR 35) (Spain)')).toEqual({ text: 'Adopt the bill (in line with GR 35)', states: ['Spain'] });
    expect(splitRecommendingStates('Protect defenders (including online) (Norway).')).toEqual({ text: 'Protect defenders (including online)', states: ['Norway'] });
    expect(splitRecommendingStates('Protect human rights defenders')).toEqual({ text: 'Protect human rights defenders', states: [] });
  });
});
