import { describe, expect, it } from 'vitest';
import { deadlineText, parseDeadlineInput, toDeadline } from './deadline.ts';
import { reminderDue, timeLeft, timeLeftText } from './timeLeft.ts';

const parse = (s: string) => {
  const r = parseDeadlineInput(s);
  if (!r.ok) throw new Error(r.message);
  return toDeadline(r.parts);
};

describe('deadlines', () => {
  it('puts a bare date at 12:00 Geneva time, CET in winter and CEST in summer', () => {
    expect(parse('2027-01-20').at).toBe('2027-01-20T11:00:00.000Z');
    expect(parse('2027-07-05').at).toBe('2027-07-05T10:00:00.000Z');
    expect(deadlineText(parse('2027-07-05'))).toBe('2027-07-05T12:00:00+02:00[Europe/Zurich]');
  });

  it('keeps the Geneva offset right on the days the clocks change', () => {
    // Summer time starts on 28 March 2027 at 02:00 and ends on 31 October 2027 at 03:00.
    expect(parse('2027-03-27').at).toBe('2027-03-27T11:00:00.000Z');
    expect(parse('2027-03-28').at).toBe('2027-03-28T10:00:00.000Z');
    expect(parse('2027-10-30').at).toBe('2027-10-30T10:00:00.000Z');
    expect(parse('2027-10-31').at).toBe('2027-10-31T11:00:00.000Z');
  });

  it('takes offsets and named zones', () => {
    expect(parse('2027-03-15T17:00:00-04:00')).toEqual({ date: '2027-03-15', time: '17:00', zone: '-04:00', at: '2027-03-15T21:00:00.000Z' });
    expect(parse('2027-03-15T12:00Z').at).toBe('2027-03-15T12:00:00.000Z');
    expect(parse('2027-03-15T09:00[America/New_York]').at).toBe('2027-03-15T13:00:00.000Z');
    expect(parse('2027-01-15T12:00+01:00[Europe/Geneva]').at).toBe('2027-01-15T11:00:00.000Z');
  });

  it('refuses what names no instant or is not a date', () => {
    for (const bad of ['2027-02-30', '2027-03-15T12:00', 'next Friday', '2027-03-15T25:00Z', '2027-03-15T12:00[Mars/Olympus]', '2027-07-15T12:00+01:00[Europe/Geneva]', '']) {
      expect(parseDeadlineInput(bad).ok, bad).toBe(false);
    }
  });

  it('says how long is left and which reminder is due', () => {
    const now = Date.parse('2027-03-10T10:00:00Z');
    expect(timeLeftText(timeLeft('2027-03-13T14:00:00Z', now))).toBe('3 days 4 hours left');
    expect(timeLeftText(timeLeft('2027-03-10T09:00:00Z', now))).toBe('1 hour overdue');
    expect(reminderDue('2027-03-16T10:00:00Z', now)).toBe('week');
    expect(reminderDue('2027-03-11T09:00:00Z', now)).toBe('day');
    expect(reminderDue('2027-03-30T09:00:00Z', now)).toBe(null);
    expect(reminderDue('2027-03-09T09:00:00Z', now)).toBe(null);
  });
});
