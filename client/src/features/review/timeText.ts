/** "just now", "5 min ago", "3 h ago", then a date: when a comment, suggestion or version was made. */
import { i18n } from '../../i18n/i18n.ts';
import { formatDateIn } from '../../i18n/format.ts';

export function relativeTime(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const minutes = Math.round((now - t) / 60_000);
  if (minutes < 1) return i18n.t('reviewUi.time.justNow');
  if (minutes < 60) return i18n.t('reviewUi.time.minutesAgo', { count: minutes });
  if (minutes < 24 * 60) return i18n.t('reviewUi.time.hoursAgo', { count: Math.round(minutes / 60) });
  return formatDateIn(new Date(t), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function fullTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : formatDateIn(new Date(t), { dateStyle: 'full', timeStyle: 'short' });
}
