/** Which testimony records' passages are flagged now (withdrawn, expired), with the words the flag shows. */
import type * as Y from 'yjs';
import { consentState, listTestimonies, today } from '../../../../shared/report/testimony.ts';

export function lapsedTestimony(doc: Y.Doc, now: Date = new Date()): Map<string, string> {
  const out = new Map<string, string>();
  const day = today(now);
  for (const t of listTestimonies(doc)) {
    const state = consentState(t, day);
    if (state === 'withdrawn') out.set(t.id, `Consent withdrawn: ${t.pseudonym}. This passage must not be used.`);
    else if (state === 'expired') out.set(t.id, `Consent expired on ${t.expiresOn}: ${t.pseudonym}. This passage must not be used.`);
  }
  return out;
}
