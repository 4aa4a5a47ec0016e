import { describe, expect, it } from 'vitest';
import { CERD_SAMPLE } from './cerdSample.ts';
import { parseConcludingObservations } from './parseConcludingObservations.ts';

describe("treaty bodies' concluding observations", () => {
  it('reads numbered recommendation paragraphs with their headings, sub-paragraphs and follow-up dates', () => {
    const parsed = parseConcludingObservations(CERD_SAMPLE);
    expect(parsed.symbol).toBe('CERD/C/FRE/CO/10-12');
    expect(parsed.mechanism).toBe('CERD');
    expect(parsed.adoptedOn).toBe('2022-08-30');
    expect(parsed.problems).toEqual([]);
    expect(parsed.recommendations.map((r) => [r.paragraph, r.topic, r.followUpDue])).toEqual([
      ['21', 'Racial profiling', '2023-08-30'],
      ['35', 'Segregation in housing', '2023-08-30'],
      ['40', 'Education', null],
    ]);
    const first = parsed.recommendations[0]!;
    expect(first.text.split('\n')).toEqual([
      'The Committee recommends that the State party:',
      '(a) Prohibit racial profiling in law and record every identity check with the reason for it;',
      '(b) Publish each year data on stops and searches disaggregated by ethnic origin;',
      '(c) Set up an independent body to receive complaints of racial profiling.',
    ]);
    expect(parsed.recommendations[1]!.text).toBe(
      'The Committee urges the State party to stop evictions carried out without adequate alternative housing and to involve the families concerned in every decision.',
    );
  });

  it('counts two years from the adoption day the caller gives, and says when it has none', () => {
    const text = `12. The Committee recommends that the State party adopt a national action plan.
30. The Committee requests the State party to provide, within two years, written information on the steps taken to implement the recommendations contained in paragraphs 12 and 44 above.`;
    const given = parseConcludingObservations(text, { adoptedOn: '2024-02-29' });
    expect(given.recommendations).toMatchObject([{ paragraph: '12', followUpYears: 2, followUpDue: '2026-02-28' }]);
    expect(given.problems).toEqual(['The follow-up request names paragraph 44, which is not among the recommendations pasted.']);
    const none = parseConcludingObservations(text);
    expect(none.recommendations[0]!.followUpDue).toBe(null);
    expect(none.problems[0]).toMatch(/date the observations were adopted/);
  });
});
