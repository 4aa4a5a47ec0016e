/** How long until a deadline, for the report list, the dashboard, reminders and the checklist alike. */

export const WEEK_MS = 7 * 24 * 3600_000;
export const DAY_MS = 24 * 3600_000;

export interface TimeLeft {
  /** Negative once the deadline has passed. */
  ms: number;
  past: boolean;
  days: number;
  hours: number;
  minutes: number;
  /** Within a week (and not past): the list marks it, reminders go out. */
  soon: boolean;
}

export function timeLeft(atIso: string, nowMs: number): TimeLeft {
  const ms = Date.parse(atIso) - nowMs;
  const abs = Math.abs(ms);
  return {
    ms,
    past: ms < 0,
    days: Math.floor(abs / DAY_MS),
    hours: Math.floor((abs % DAY_MS) / 3600_000),
    minutes: Math.floor((abs % 3600_000) / 60_000),
    soon: ms >= 0 && ms <= WEEK_MS,
  };
}

function unit(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** "3 days 4 hours left", "5 hours 10 minutes left", "2 days overdue". */
export function timeLeftText(left: TimeLeft): string {
  const amount =
    left.days > 0 ? `${unit(left.days, 'day')}${left.days < 7 && left.hours > 0 ? ` ${unit(left.hours, 'hour')}` : ''}`
    : left.hours > 0 ? `${unit(left.hours, 'hour')}${left.minutes > 0 ? ` ${unit(left.minutes, 'minute')}` : ''}`
    : unit(left.minutes, 'minute');
  return left.past ? `${amount} overdue` : `${amount} left`;
}

/** Which reminder is due now for a deadline: a week before, then a day before; none once it has passed. */
export function reminderDue(atIso: string, nowMs: number): 'week' | 'day' | null {
  const ms = Date.parse(atIso) - nowMs;
  if (!(ms > 0)) return null;
  if (ms <= DAY_MS) return 'day';
  if (ms <= WEEK_MS) return 'week';
  return null;
}
