/** A deadline as the reader sees it: in their own time zone and locale (Intl), with the time left. */
import type { Deadline } from '../../../../shared/deadlines/deadline.ts';
import { timeLeft, type TimeLeft } from '../../../../shared/deadlines/timeLeft.ts';
import { t } from '../../i18n/i18n.ts';

/** "Wed 20 Jan 2027, 12:00" in the browser's zone and locale; `zone` overrides the zone (tests, the set zone). */
export function localDeadline(deadline: Pick<Deadline, 'at'>, options: { locale?: string; timeZone?: string } = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
    timeZoneName: 'short',
  }).format(new Date(deadline.at));
}

/**
 * "3 days 4 hours left", "5 hours 10 minutes left", "2 days overdue" in the interface language: the same units
 * as the shared `timeLeftText` (which server-side reminders keep using in English).
 */
export function leftText(left: TimeLeft): string {
  // `n` is the bare number (no grouping: "1671 days left"), `count` picks the plural form.
  const days = t('deadlines.unit.days', { count: left.days, n: String(left.days) });
  const hours = t('deadlines.unit.hours', { count: left.hours, n: String(left.hours) });
  const minutes = t('deadlines.unit.minutes', { count: left.minutes, n: String(left.minutes) });
  const pair = (first: string, second: string) => t('deadlines.unit.pair', { first, second });
  const amount =
    left.days > 0 ? (left.days < 7 && left.hours > 0 ? pair(days, hours) : days)
    : left.hours > 0 ? (left.minutes > 0 ? pair(hours, minutes) : hours)
    : minutes;
  return t(left.past ? 'deadlines.overdue' : 'deadlines.left', { amount });
}

export interface DeadlineView {
  when: string;
  left: TimeLeft;
  leftText: string;
  tone: 'past' | 'soon' | 'later';
}

export function deadlineView(deadline: Pick<Deadline, 'at'>, nowMs: number, options: { locale?: string; timeZone?: string } = {}): DeadlineView {
  const left = timeLeft(deadline.at, nowMs);
  return { when: localDeadline(deadline, options), left, leftText: leftText(left), tone: left.past ? 'past' : left.soon ? 'soon' : 'later' };
}
