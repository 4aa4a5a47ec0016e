/** Which testimony records' passages are flagged now (withdrawn, expired), with the words the flag shows. */
import type * as Y from 'yjs';
import { consentState, listTestimonies, today } from '../../../../shared/report/testimony.ts';
import { t as translate } from '../../i18n/i18n.ts';

export function lapsedTestimony(doc: Y.Doc, now: Date = new Date()): Map<string, string> {
  const out = new Map<string, string>();
  const day = today(now);
  for (const t of listTestimonies(doc)) {
    const state = consentState(t, day);
    if (state === 'withdrawn') out.set(t.id, translate('testimony.flag.withdrawn', { pseudonym: t.pseudonym }));
    else if (state === 'expired') out.set(t.id, translate('testimony.flag.expired', { pseudonym: t.pseudonym, date: t.expiresOn }));
  }
  return out;
}
