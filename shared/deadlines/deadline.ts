/**
 * Submission and follow-up deadlines: a wall-clock date and time in a time zone (an IANA zone such as
 * Europe/Geneva, or a fixed UTC offset such as +05:30), and the instant that means. The UPR and the treaty bodies
 * set their deadlines in Geneva time, so a date given without a time is 12:00 Geneva time (the UPR's rule),
 * computed with that day's offset (CET in winter, CEST in summer). The IANA database has no Europe/Geneva:
 * Switzerland's one zone is Europe/Zurich, so that is what is stored, and "Europe/Geneva" is taken as its alias.
 */

export const DEFAULT_DEADLINE_TIME = '12:00';
export const DEFAULT_DEADLINE_ZONE = 'Europe/Zurich';
/** Names people write that the IANA database lacks, and the zone they mean. */
const ZONE_ALIASES: Record<string, string> = { 'Europe/Geneva': 'Europe/Zurich' };

/** A deadline as people set it: the date and time on the clock of `zone`. */
export interface DeadlineParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24 hours) */
  time: string;
  /** An IANA zone ("Europe/Geneva") or a fixed offset ("+05:30", "-04:00", "+00:00"). */
  zone: string;
}

/** A deadline as the API returns it. */
export interface Deadline extends DeadlineParts {
  /** The instant, in UTC (ISO 8601 with Z). */
  at: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const OFFSET = /^([+-])([01]\d|2[0-3]):?([0-5]\d)$/;
/** 2027-03-15T12:00, seconds and fraction optional, then Z, an offset, a [Zone] (RFC 9557), or an offset and a [Zone]. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?(?:\[([A-Za-z0-9_+\-/]{1,64})\])?$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(?:\/[A-Za-z0-9_+\-]+){0,2}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "+05:30" for a fixed offset (minutes east of UTC), normalised. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function fixedOffsetMinutes(zone: string): number | null {
  const m = OFFSET.exec(zone);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export function isDeadlineZone(zone: unknown): zone is string {
  return typeof zone === 'string' && (fixedOffsetMinutes(zone) !== null || isIanaZone(zone));
}

/** Minutes east of UTC that `zone` is at the instant `utcMs`. */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return fixed;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The instant (ms since the epoch) at which the clock of `zone` shows `date` `time`. In a gap (spring forward) the clock's later reading wins. */
export function deadlineInstantMs(parts: DeadlineParts): number {
  const [y, mo, d] = parts.date.split('-').map(Number) as [number, number, number];
  const [h, mi] = parts.time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two rounds settle every offset change but a gap, where the second guess is the first valid instant after it.
  let guess = wall - zoneOffsetMinutes(parts.zone, wall) * 60_000;
  guess = wall - zoneOffsetMinutes(parts.zone, guess) * 60_000;
  return guess;
}

export function toDeadline(parts: DeadlineParts): Deadline {
  return { ...parts, at: new Date(deadlineInstantMs(parts)).toISOString() };
}

/** The deadline written as ISO 8601 with the offset it has on that day, and the zone when it is a named one. */
export function deadlineText(parts: DeadlineParts): string {
  const at = deadlineInstantMs(parts);
  const offset = offsetText(zoneOffsetMinutes(parts.zone, at));
  return `${parts.date}T${parts.time}:00${offset}${fixedOffsetMinutes(parts.zone) === null ? `[${parts.zone}]` : ''}`;
}

export type DeadlineInputResult = { ok: true; parts: DeadlineParts } | { ok: false; message: string; params?: Record<string, string> };

/**
 * Read a deadline as the API takes it: "2027-03-15" (12:00 Geneva), "2027-03-15T17:00:00-04:00",
 * "2027-03-15T12:00Z", "2027-03-15T12:00[Europe/Geneva]" or "2027-03-15T12:00+01:00[Europe/Geneva]" (the offset
 * must be the zone's on that day). A date-time without an offset or zone is refused: it names no instant.
 */
export function parseDeadlineInput(input: string): DeadlineInputResult {
  const text = input.trim();
  if (text.length > 100) return { ok: false, message: 'A deadline is at most 100 characters.' };
  if (DATE.test(text)) {
    if (!isCalendarDate(text)) return { ok: false, message: `${text} is not a calendar date.`, params: { date: text } };
    return { ok: true, parts: { date: text, time: DEFAULT_DEADLINE_TIME, zone: DEFAULT_DEADLINE_ZONE } };
  }
  const m = DATE_TIME.exec(text);
  if (!m) {
    return { ok: false, message: 'Give the deadline as an ISO 8601 date, or a date and time with an offset or zone, e.g. 2027-03-15T12:00+01:00 or 2027-03-15T12:00[Europe/Geneva].' };
  }
  const [, date, hh, mm, , offset, zone] = m as unknown as [string, string, string, string, string | undefined, string | undefined, string | undefined];
  if (!isCalendarDate(date)) return { ok: false, message: `${date} is not a calendar date.`, params: { date } };
  const time = `${hh}:${mm}`;
  if (!offset && !zone) return { ok: false, message: 'Say in which time zone: add an offset (+01:00, Z) or a zone ([Europe/Geneva]).' };
  if (zone) {
    return withZone(date, time, offset, ZONE_ALIASES[zone] ?? zone);
  }
  const minutes = offset === 'Z' ? 0 : fixedOffsetMinutes(offset!);
  if (minutes === null) return { ok: false, message: `${offset} is not a UTC offset.`, params: { offset } as Record<string, string> };
  return { ok: true, parts: { date, time, zone: offsetText(minutes) } };
}

function withZone(date: string, time: string, offset: string | undefined, zone: string): DeadlineInputResult {
  if (!isIanaZone(zone)) return { ok: false, message: `${zone} is not a time zone this server knows.`, params: { zone } };
  const parts = { date, time, zone };
  if (offset) {
    const given = offset === 'Z' ? 0 : fixedOffsetMinutes(offset);
    if (given !== zoneOffsetMinutes(zone, deadlineInstantMs(parts))) return { ok: false, message: `${zone} is not at ${offset} on ${date}.`, params: { zone, offset, date } };
  }
  return { ok: true, parts };
}

/** Parts read back from storage or a document: null unless every piece is valid (date; time and zone default). */
export function deadlineParts(date: unknown, time: unknown, zone: unknown): DeadlineParts | null {
  if (!isCalendarDate(date)) return null;
  return {
    date,
    time: typeof time === 'string' && TIME.test(time) ? time : DEFAULT_DEADLINE_TIME,
    zone: isDeadlineZone(zone) ? zone : DEFAULT_DEADLINE_ZONE,
  };
}
