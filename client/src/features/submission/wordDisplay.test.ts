import { beforeAll, describe, expect, it } from 'vitest';
import { wordLimitFor } from '../../../../shared/submission/wordLimits.ts';
import { wordStatus } from '../../../../shared/submission/wordStatus.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { describeWordStatus, limitOrigin, notCountedText } from './wordDisplay.ts';

beforeAll(() => initI18n('en'));

describe('Word count display', () => {
  it('shows the count against the limit, with the words left', () => {
    expect(describeWordStatus(wordStatus(1234, 5630))).toEqual({
      tone: 'ok',
      count: '1,234 / 5,630 words',
      figure: '1,234 / 5,630',
      flag: '',
      long: '1,234 of 5,630 words (4,396 left).',
    });
  });

  it('says "near" from 90 % of the limit and "over" past it, in words as well as colour', () => {
    expect(describeWordStatus(wordStatus(5067, 5630))).toMatchObject({ tone: 'near', flag: 'Near the limit', long: 'Near the limit: 5,067 of 5,630 words, 563 left.' });
    expect(describeWordStatus(wordStatus(5700, 5630))).toMatchObject({ tone: 'over', flag: '70 over', long: 'Over the limit: 5,700 of 5,630 words, 70 too many.' });
  });

  it('names a section budget as a budget', () => {
    expect(describeWordStatus(wordStatus(410, 400), 'budget').long).toBe('Over the budget: 410 of 400 words, 10 too many.');
  });

  it('counts without a limit where none is known', () => {
    expect(describeWordStatus(wordStatus(1, null))).toEqual({ tone: 'none', count: '1 word', figure: '1', flag: '', long: '1 word; no word limit applies.' });
  });

  it('says what is not counted and where the limit comes from', () => {
    const upr = wordLimitFor('UPR', 'joint');
    expect(notCountedText(upr)).toBe('Footnotes and annexes are not counted.');
    expect(limitOrigin(upr, 'UPR', 'joint')).toBe('The UPR limit for a joint submission.');
    expect(limitOrigin(wordLimitFor('UPR', null), 'UPR', null)).toBe('The UPR limit for one organisation (until the submission is marked joint).');
    expect(limitOrigin(wordLimitFor('CERD', null, 8000), 'CERD', null)).toBe("This report's own limit, set in the cover information.");
    expect(notCountedText(wordLimitFor('CCPR', null))).toBe('Annexes are not counted.');
  });
});
