/**
 * Search, filters and order of the report list, kept in the page's URL query (so a reload or a shared link keeps
 * them): `q` searches title and State, `mechanism`, `state`, `coalition` (an id, or `own` for one's own reports),
 * `status` (how far a report has come) filter, `sort` is `changed` (default), `title` or `deadline` (soonest first), and `view=trash` shows
 * the trash. Pure, so it is unit-tested; it works on what the list holds (server list and device catalogue).
 */
import { isReportProgress, type ReportProgress } from '../../../../shared/report/progress.ts';
import { currentLanguage, t } from '../../i18n/i18n.ts';
import type { ReportListItem } from './mergeReports.ts';

export type ReportSort = 'changed' | 'title' | 'deadline';

export interface ReportListQuery {
  q: string;
  mechanism: string | null;
  state: string | null;
  /** A coalition id, or 'own' for reports in no coalition. */
  coalition: string | null;
  status: ReportProgress | null;
  sort: ReportSort;
  view: 'reports' | 'trash';
}

export const EMPTY_QUERY: ReportListQuery = { q: '', mechanism: null, state: null, coalition: null, status: null, sort: 'changed', view: 'reports' };

export function parseListQuery(search: string): ReportListQuery {
  const p = new URLSearchParams(search);
  const text = (name: string) => {
    const v = p.get(name)?.trim();
    return v ? v.slice(0, 300) : null;
  };
  const status = p.get('status');
  return {
    q: text('q') ?? '',
    mechanism: text('mechanism'),
    state: text('state'),
    coalition: text('coalition'),
    status: isReportProgress(status) ? status : null,
    sort: p.get('sort') === 'title' ? 'title' : p.get('sort') === 'deadline' ? 'deadline' : 'changed',
    view: p.get('view') === 'trash' ? 'trash' : 'reports',
  };
}

/** The query string (with its "?"), or '' when nothing is set. */
export function formatListQuery(query: ReportListQuery): string {
  const p = new URLSearchParams();
  if (query.view === 'trash') p.set('view', 'trash');
  if (query.q.trim()) p.set('q', query.q.trim());
  if (query.mechanism) p.set('mechanism', query.mechanism);
  if (query.state) p.set('state', query.state);
  if (query.coalition) p.set('coalition', query.coalition);
  if (query.status) p.set('status', query.status);
  if (query.sort !== 'changed') p.set('sort', query.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Whether any search or filter narrows the list. */
export function isFiltered(query: ReportListQuery): boolean {
  return !!(query.q.trim() || query.mechanism || query.state || query.coalition || query.status);
}

/** Lower case without accents, so "cote" finds "Côte d’Ivoire". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

export function filterReports(items: ReportListItem[], query: ReportListQuery): ReportListItem[] {
  const words = fold(query.q).split(/\s+/).filter(Boolean);
  const shown = items.filter((item) => {
    if (query.mechanism && item.mechanism !== query.mechanism) return false;
    if (query.state && item.stateUnderReview !== query.state) return false;
    if (query.coalition === 'own' ? item.coalitionId !== null : query.coalition && item.coalitionId !== query.coalition) return false;
    if (query.status && item.progress !== query.status) return false;
    const haystack = fold(`${item.title} ${item.stateUnderReview}`);
    return words.every((w) => haystack.includes(w));
  });
  if (query.sort === 'title') {
    // Untitled reports sort under the name the list shows for them, in the interface language.
    const untitled = t('report.untitled');
    const collator = new Intl.Collator(currentLanguage(), { sensitivity: 'base', numeric: true });
    return shown.sort((a, b) => collator.compare(a.title || untitled, b.title || untitled) || (a.id < b.id ? -1 : 1));
  }
  if (query.sort === 'deadline') {
    // Soonest deadline first; reports without one keep their newest-activity order after them.
    const at = (item: ReportListItem) => item.deadline?.at ?? '\uffff';
    return shown.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
  }
  return shown; // mergeReports gives newest activity first.
}

/** The distinct values a filter can take among the reports, sorted (for the filter menus). */
export function filterChoices(items: ReportListItem[]): { mechanisms: string[]; states: string[]; coalitionIds: string[] } {
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort((a, b) => a.localeCompare(b));
  return {
    mechanisms: sorted(items.map((i) => i.mechanism)),
    states: sorted(items.map((i) => i.stateUnderReview)),
    coalitionIds: sorted(items.flatMap((i) => (i.coalitionId ? [i.coalitionId] : []))),
  };
}
