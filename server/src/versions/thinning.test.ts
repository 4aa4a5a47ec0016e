import { describe, expect, it } from 'vitest';
import { versionsToThin, type ThinnableVersion } from './thinning.ts';

const NOW = new Date('2026-06-15T12:00:00Z'); // a Monday
let n = 0;
const v = (createdAt: string, kind: ThinnableVersion['kind'] = 'session-end'): ThinnableVersion => ({ id: `v${++n}-${createdAt}`, kind, createdAt });

describe('thinning automatic versions', () => {
  it('keeps every version of the last 24 hours and every named version', () => {
    const recent = [v('2026-06-15T11:59:00Z'), v('2026-06-15T11:00:00Z'), v('2026-06-14T12:30:00Z')];
    const named = [v('2025-01-01T10:00:00Z', 'named'), v('2025-01-01T11:00:00Z', 'named')];
    expect(versionsToThin([...recent, ...named], NOW)).toEqual([]);
  });

  it('keeps the newest of each day for a month', () => {
    const day10 = [v('2026-06-10T08:00:00Z'), v('2026-06-10T17:00:00Z', 'periodic'), v('2026-06-10T12:00:00Z')];
    const day11 = [v('2026-06-11T09:00:00Z')];
    const drop = versionsToThin([...day10, ...day11], NOW);
    expect(drop.sort()).toEqual([day10[0]!.id, day10[2]!.id].sort());
  });

  it('keeps the newest of each week after a month', () => {
    // 4 May 2026 is a Monday: 4-10 May is one week, 11 May the next.
    const week = [v('2026-05-04T08:00:00Z'), v('2026-05-07T08:00:00Z'), v('2026-05-10T23:00:00Z')];
    const next = [v('2026-05-11T01:00:00Z')];
    expect(versionsToThin([...week, ...next], NOW).sort()).toEqual([week[0]!.id, week[1]!.id].sort());
  });

  it('thins versions taken before a large deletion among themselves, keeping the first of the day', () => {
    const first = v('2026-06-10T09:00:00Z', 'before-deletion');
    const second = v('2026-06-10T10:00:00Z', 'before-deletion');
    const after = v('2026-06-10T18:00:00Z', 'session-end');
    expect(versionsToThin([second, after, first], NOW)).toEqual([second.id]);
  });

  it('gives the same answer whatever the order it is given', () => {
    const all = [v('2026-06-01T08:00:00Z'), v('2026-06-01T09:00:00Z'), v('2026-04-01T09:00:00Z'), v('2026-04-02T09:00:00Z')];
    expect(versionsToThin(all, NOW)).toEqual(versionsToThin([...all].reverse(), NOW));
  });
});
