/** A deadline as the reader sees it: in their own time zone and locale (Intl), with the time left. */
import type { Deadline } from '../../../../shared/deadlines/deadline.ts';
import { timeLeft, timeLeftText, type TimeLeft } from '../../../../shared/deadlines/timeLeft.ts';

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

export interface DeadlineView {
  when: string;
  left: TimeLeft;
  leftText: string;
  tone: 'past' | 'soon' | 'later';
}

export function deadlineView(deadline: Pick<Deadline, 'at'>, nowMs: number, options: { locale?: string; timeZone?: string } = {}): DeadlineView {
  const left = timeLeft(deadline.at, nowMs);
  return { when: localDeadline(deadline, options), left, leftText: timeLeftText(left), tone: left.past ? 'past' : left.soon ? 'soon' : 'later' };
}
