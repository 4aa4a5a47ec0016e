import { describe, expect, it } from 'vitest';
import { assessRecommendation } from '../../../../shared/recommendations/smart.ts';
import { markVague } from './markVague.ts';

describe('Vague wording marks', () => {
  it('marks each vague phrase the SMART check found, whatever its case', () => {
    const text = 'Continue efforts to combat discrimination and Take appropriate measures as appropriate.';
    const { vagueTerms } = assessRecommendation(text);
    const runs = markVague(text, vagueTerms);
    expect(runs.filter((r) => r.vague).map((r) => r.text)).toEqual(['Continue efforts', 'Take appropriate measures', 'as appropriate']);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('leaves a text without vague wording whole', () => {
    expect(markVague('Repeal article 12 by 2027.', [])).toEqual([{ text: 'Repeal article 12 by 2027.', vague: false }]);
  });
});
