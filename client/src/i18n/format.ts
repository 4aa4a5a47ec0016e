/** Dates and numbers in the interface language, through `Intl` (the browser's own data, nothing downloaded). */
import { currentLanguage } from './i18n.ts';

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLanguage(), options).format(n);
}

export function formatDateIn(date: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(currentLanguage(), options).format(date);
}

/** A list ("A, B and C") joined as the language joins lists. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}
