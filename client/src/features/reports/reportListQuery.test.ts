import { describe, expect, it } from 'vitest';
import type { ReportListItem } from './mergeReports.ts';
import { EMPTY_QUERY, filterReports, formatListQuery, parseListQuery } from './reportListQuery.ts';

function item(id: string, fields: Partial<ReportListItem>): ReportListItem {
  return {
    id,
    title: id,
    mechanism: 'CCPR',
    stateUnderReview: '',
    place: 'both',
    hasUnsyncedChanges: false,
    activityAt: '2026-01-01T00:00:00.000Z',
    role: 'owner',
    coalitionId: null,
    unsendable: false,
    deletedOnServer: false,
    progress: null,
    publishRefused: null,
    deadline: null,
    ...fields,
  };
}

const items = [
  item('a', { title: 'Women in detention', stateUnderReview: 'Côte d’Ivoire', mechanism: 'CEDAW', coalitionId: 'c1', progress: 'final' }),
  item('b', { title: 'Arbitrary arrests', stateUnderReview: 'Ruritania', mechanism: 'CCPR', progress: 'drafting' }),
  item('c', { title: 'Child labour', stateUnderReview: 'Ruritania', mechanism: 'CRC', coalitionId: 'c1', progress: null }),
];

describe('the report list query', () => {
  it('round-trips through the URL and ignores what it does not know', () => {
    const q = { ...EMPTY_QUERY, q: 'detention', mechanism: 'CEDAW', coalition: 'own', status: 'in-review' as const, sort: 'title' as const, view: 'trash' as const };
    expect(parseListQuery(formatListQuery(q))).toEqual(q);
    expect(formatListQuery(EMPTY_QUERY)).toBe('');
    expect(parseListQuery('?status=bogus&sort=weird')).toEqual(EMPTY_QUERY);
  });

  it('searches title and State without accents or case, and filters', () => {
    const ids = (query: Partial<typeof EMPTY_QUERY>) => filterReports(items, { ...EMPTY_QUERY, ...query }).map((i) => i.id);
    expect(ids({ q: 'cote' })).toEqual(['a']);
    expect(ids({ q: 'RURITANIA child' })).toEqual(['c']);
    expect(ids({ state: 'Ruritania' })).toEqual(['b', 'c']);
    expect(ids({ coalition: 'own' })).toEqual(['b']);
    expect(ids({ coalition: 'c1', mechanism: 'CRC' })).toEqual(['c']);
    expect(ids({ status: 'final' })).toEqual(['a']);
    expect(ids({ sort: 'title' })).toEqual(['b', 'c', 'a']);
  });
});

describe('sorting by deadline', () => {
  const at = (iso: string) => ({ date: iso.slice(0, 10), time: '12:00', zone: 'Europe/Zurich', at: iso });
  it('puts the soonest deadline first and reports without one after', () => {
    const list = [item('none', {}), item('late', { deadline: at('2027-07-05T10:00:00.000Z') }), item('soon', { deadline: at('2027-01-20T11:00:00.000Z') })];
    expect(filterReports(list, { ...EMPTY_QUERY, sort: 'deadline' }).map((i) => i.id)).toEqual(['soon', 'late', 'none']);
    expect(parseListQuery('?sort=deadline').sort).toBe('deadline');
    expect(formatListQuery({ ...EMPTY_QUERY, sort: 'deadline' })).toBe('?sort=deadline');
  });
});
