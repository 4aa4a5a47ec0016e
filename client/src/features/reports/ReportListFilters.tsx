/** Search, filters and order above the report list; every change is kept in the URL by the page. */
import { useId } from 'react';
import { MECHANISM_NAMES, isMechanism } from '../../../../shared/api/mechanisms.ts';
import { PROGRESS_LABEL, REPORT_PROGRESS, isReportProgress } from '../../../../shared/report/progress.ts';
import { isFiltered, type ReportListQuery } from './reportListQuery.ts';

export function ReportListFilters({
  query,
  onChange,
  choices,
  coalitionName,
}: {
  query: ReportListQuery;
  onChange: (next: ReportListQuery) => void;
  choices: { mechanisms: string[]; states: string[]; coalitionIds: string[] };
  coalitionName: (id: string) => string;
}) {
  const set = (fields: Partial<ReportListQuery>) => onChange({ ...query, ...fields });
  // Labels point at their control (not wrap it), so a label's name is its own text, not the options'.
  const id = useId();
  return (
    <div role="search" className="report-filters" aria-label="Find reports">
      <div className="report-filters__field report-filters__search">
        <label className="report-filters__label" htmlFor={`${id}-search`}>
          Search
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          placeholder="Title or State"
          value={query.q}
          maxLength={300}
          onChange={(e) => set({ q: e.target.value })}
        />
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-mechanism`}>
          Treaty body
        </label>
        <select id={`${id}-mechanism`} className="input" value={query.mechanism ?? ''} onChange={(e) => set({ mechanism: e.target.value || null })}>
          <option value="">All</option>
          {choices.mechanisms.map((m) => (
            <option key={m} value={m}>
              {isMechanism(m) ? `${m} — ${MECHANISM_NAMES[m]}` : m}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-state`}>
          State
        </label>
        <select id={`${id}-state`} className="input" value={query.state ?? ''} onChange={(e) => set({ state: e.target.value || null })}>
          <option value="">All</option>
          {choices.states.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-coalition`}>
          Coalition
        </label>
        <select id={`${id}-coalition`} className="input" value={query.coalition ?? ''} onChange={(e) => set({ coalition: e.target.value || null })}>
          <option value="">All</option>
          <option value="own">Not in a coalition</option>
          {choices.coalitionIds.map((id) => (
            <option key={id} value={id}>
              {coalitionName(id)}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select id={`${id}-status`} className="input" value={query.status ?? ''} onChange={(e) => set({ status: isReportProgress(e.target.value) ? e.target.value : null })}>
          <option value="">All</option>
          {REPORT_PROGRESS.map((p) => (
            <option key={p} value={p}>
              {PROGRESS_LABEL[p]}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-order`}>
          Order
        </label>
        <select id={`${id}-order`} className="input" value={query.sort} onChange={(e) => set({ sort: e.target.value === 'title' || e.target.value === 'deadline' ? e.target.value : 'changed' })}>
          <option value="changed">Last changed</option>
          <option value="title">Title</option>
          <option value="deadline">Deadline</option>
        </select>
      </div>
      {isFiltered(query) && (
        <button type="button" className="button button--ghost button--small report-filters__clear" onClick={() => set({ q: '', mechanism: null, state: null, coalition: null, status: null })}>
          Clear filters
        </button>
      )}
    </div>
  );
}
