/** Dates as people read them, in the interface language (`Intl`). */
import { currentLanguage, t } from '../i18n/i18n.ts';

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleDateString(currentLanguage(), { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "on 30 Nov 2025 at 14:05". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return t('date.onAt', { date: formatDate(iso), time: date.toLocaleTimeString(currentLanguage(), { hour: '2-digit', minute: '2-digit' }) });
}
