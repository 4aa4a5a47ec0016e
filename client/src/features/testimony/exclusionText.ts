/**
 * Why a passage stays out of an export, and the checklist's testimony findings, in the interface language. The
 * shared code (shared/report/testimony.ts, shared/submission/rules.ts) says them in English for the server and
 * exports and gives the reason as data (`ExclusionWhy`), which this says again; English reads the same.
 */
import type { Exclusion } from '../../../../shared/export/audience.ts';
import type { CheckPassage } from '../../../../shared/submission/checks.ts';
import type { ExclusionWhy } from '../../../../shared/report/testimony.ts';
import { text } from '../../app/text.ts';

export function whyText(why: ExclusionWhy): string {
  switch (why.code) {
    case 'expired':
      return text('exclusions.why.expired', { on: why.on });
    case 'not-covered':
      return text('exclusions.why.not-covered', { consent: text(`testimony.consent.${why.consent}`), audience: why.audience });
    default:
      return text(`exclusions.why.${why.code}`);
  }
}

/** One line of the export dialog's list of what is left out. */
export function exclusionLine(e: Exclusion): string {
  return e.testimony
    ? text('testimony.lapsedItem', { testimony: e.testimony, section: e.section, excerpt: e.excerpt, reason: whyText(e.why) })
    : text('audience.sectionItem', { section: e.section, reason: whyText(e.why) });
}

/** The failing testimony checks' messages; null for a check without passages (the shared message stands). */
export function testimonyCheckMessage(id: string, passages: readonly CheckPassage[] | undefined, audience: string): string | null {
  if (!passages || passages.length === 0) return null;
  if (id === 'testimony-consent-covers-export') {
    const list = passages.map((p) => text('exclusions.check.passageShort', { testimony: p.testimony, section: p.section, why: whyText(p.why) })).join('; ');
    return text('exclusions.check.notCovered', { count: passages.length, audience, passages: list });
  }
  if (id === 'testimony-consent-current') {
    const list = passages.map((p) => text('exclusions.check.passageLong', { testimony: p.testimony, section: p.section, excerpt: p.excerpt, why: whyText(p.why) })).join('; ');
    return text('exclusions.check.lapsed', { count: passages.length, passages: list });
  }
  return null;
}
