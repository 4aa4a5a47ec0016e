/** The ordered list of a coalition's organisations as the editor changes it. Pure, so each step is unit-tested. */
import { i18n } from '../../i18n/i18n.ts';

/** Limits of the server's validateOrganisations. */
export const ORGANISATION_LIMITS = { count: 100, chars: 200 } as const;

export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** What is sent: trimmed names, blank rows left out. */
export function cleanOrganisations(names: readonly string[]): string[] {
  return names.map((n) => n.trim()).filter((n) => n.length > 0);
}

/** A problem with the list, in words (the interface language), or null. */
export function organisationsProblem(names: readonly string[]): string | null {
  const clean = cleanOrganisations(names);
  if (clean.length > ORGANISATION_LIMITS.count) return i18n.t('coalitionsUi.organisations.tooMany', { max: ORGANISATION_LIMITS.count });
  const long = clean.find((n) => n.length > ORGANISATION_LIMITS.chars);
  if (long) return i18n.t('coalitionsUi.organisations.tooLong', { start: long.slice(0, 40), max: ORGANISATION_LIMITS.chars });
  const seen = new Set<string>();
  for (const n of clean) {
    const key = n.toLowerCase();
    if (seen.has(key)) return i18n.t('coalitionsUi.organisations.listedTwice', { name: n });
    seen.add(key);
  }
  return null;
}
