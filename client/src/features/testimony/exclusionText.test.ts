import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exclusion } from '../../../../shared/export/audience.ts';
import { exclusionReasonText, type ExclusionWhy } from '../../../../shared/report/testimony.ts';
import { SUBMISSION_RULES, type RuleInput } from '../../../../shared/submission/rules.ts';
import { initI18n, setLanguage } from '../../i18n/i18n.ts';
import { exclusionLine, testimonyCheckMessage, whyText } from './exclusionText.ts';

const WHYS: ExclusionWhy[] = [
  { code: 'record-removed' },
  { code: 'withdrawn' },
  { code: 'expired', on: '2026-03-01' },
  { code: 'internal-only' },
  { code: 'not-covered', consent: 'committee-only', audience: 'public' },
  { code: 'not-covered', consent: 'public-anonymised', audience: 'committee' },
  { code: 'internal-section' },
];

function exclusion(why: ExclusionWhy, testimony = 'Witness A'): Exclusion {
  return { sectionId: 's1', section: 'Housing', testimony, excerpt: 'they came at night', reason: exclusionReasonText(why), why, blocking: true };
}

function run(id: string, audience: 'public' | 'committee', list: Exclusion[]) {
  const rule = SUBMISSION_RULES.find((r) => r.id === id)!;
  const evidence = { audience, notCovered: id === 'testimony-consent-covers-export' ? list : [], lapsed: id === 'testimony-consent-current' ? list : [], namesListed: 0, namesLeft: [] };
  return rule.run({ evidence } as unknown as RuleInput);
}

describe('why a passage stays out of an export, in the interface language', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterAll(async () => {
    await setLanguage('en', { remember: false });
  });

  it('reads in English exactly as the shared code says it', () => {
    for (const why of WHYS) expect(whyText(why)).toBe(exclusionReasonText(why));
    for (const audience of ['public', 'committee'] as const) {
      const one = run('testimony-consent-covers-export', audience, [exclusion({ code: 'not-covered', consent: 'internal-only', audience })]);
      expect(testimonyCheckMessage('testimony-consent-covers-export', one.passages, audience)).toBe(one.message);
      const two = run('testimony-consent-covers-export', audience, [exclusion(WHYS[4]!), exclusion(WHYS[5]!, 'Witness B')]);
      expect(testimonyCheckMessage('testimony-consent-covers-export', two.passages, audience)).toBe(two.message);
    }
    const lapsed = run('testimony-consent-current', 'public', [exclusion({ code: 'withdrawn' }), exclusion({ code: 'expired', on: '2026-03-01' }, 'Witness C')]);
    expect(testimonyCheckMessage('testimony-consent-current', lapsed.passages, '')).toBe(lapsed.message);
    expect(exclusionLine(exclusion({ code: 'withdrawn' }))).toBe('Witness A in “Housing”: “they came at night” (consent was withdrawn)');
  });

  it('is said in the other languages, consent and audience included', async () => {
    await setLanguage('fr', { remember: false });
    expect(whyText({ code: 'withdrawn' })).toBe('le consentement a été retiré');
    expect(whyText({ code: 'not-covered', consent: 'committee-only', audience: 'public' })).toMatch(/^le consentement est « .+ », ce qui ne couvre pas un export public$/);
    const lapsed = run('testimony-consent-current', 'public', [exclusion({ code: 'withdrawn' })]);
    expect(testimonyCheckMessage('testimony-consent-current', lapsed.passages, '')).toBe('Réécrivez ou supprimez ce passage : Witness A dans « Housing » : « they came at night » (le consentement a été retiré).');
  });
});
