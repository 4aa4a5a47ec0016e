/** Which treaty each mechanism monitors, and that treaty's articles as tags. */
import type { Mechanism } from '../api/mechanisms.ts';
import { taxonomyEntries, type TaxonomyEntry } from './entries.ts';
import type { TreatyId } from './tagIds.ts';

/** The treaty a committee monitors; the UPR reviews all human rights obligations, so it has none. */
export const MECHANISM_TREATY: Record<Mechanism, TreatyId | null> = {
  CERD: 'ICERD',
  CEDAW: 'CEDAW',
  UPR: null,
  CCPR: 'ICCPR',
  CESCR: 'ICESCR',
  CAT: 'CAT',
  CRC: 'CRC',
  CRPD: 'CRPD',
  CMW: 'ICMW',
  CED: 'CPED',
};

/** A treaty's whole articles (not their paragraphs and sub-paragraphs), in order. */
export function treatyArticles(treaty: TreatyId): TaxonomyEntry[] {
  return taxonomyEntries().filter((e) => e.kind === 'article' && e.treaty === treaty && !e.part);
}

/** The articles on rights and obligations (not the committee, reporting or final clauses), in order. */
export function substantiveArticles(treaty: TreatyId): TaxonomyEntry[] {
  return treatyArticles(treaty).filter((e) => e.substantive);
}

export function sdgGoals(): TaxonomyEntry[] {
  return taxonomyEntries().filter((e) => e.kind === 'sdg-goal');
}
