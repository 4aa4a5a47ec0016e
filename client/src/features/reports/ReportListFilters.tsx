/** Search, filters and order above the report list; every change is kept in the URL by the page. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isMechanism } from '../../../../shared/api/mechanisms.ts';
import { mechanismName } from '../../../../shared/i18n/mechanismNames.ts';
import { REPORT_PROGRESS, isReportProgress } from '../../../../shared/report/progress.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { progressLabel } from './progressLabel.ts';
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
  const { t } = useTranslation();
  const set = (fields: Partial<ReportListQuery>) => onChange({ ...query, ...fields });
  // Labels point at their control (not wrap it), so a label's name is its own text, not the options'.
  const id = useId();
  return (
    <div role="search" className="report-filters" aria-label={t('accountUi.filters.label')}>
      <div className="report-filters__field report-filters__search">
        <label className="report-filters__label" htmlFor={`${id}-search`}>
          {t('accountUi.filters.search')}
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          placeholder={t('accountUi.filters.searchPlaceholder')}
          value={query.q}
          maxLength={300}
          onChange={(e) => set({ q: e.target.value })}
        />
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-mechanism`}>
          {t('accountUi.filters.mechanism')}
        </label>
        <select id={`${id}-mechanism`} className="input" value={query.mechanism ?? ''} onChange={(e) => set({ mechanism: e.target.value || null })}>
          <option value="">{t('accountUi.filters.allMechanisms')}</option>
          {choices.mechanisms.map((m) => (
            <option key={m} value={m}>
              {isMechanism(m) ? t('accountUi.filters.mechanismOption', { code: m, name: mechanismName(m, currentLanguage()) }) : m}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-state`}>
          {t('accountUi.filters.state')}
        </label>
        <select id={`${id}-state`} className="input" value={query.state ?? ''} onChange={(e) => set({ state: e.target.value || null })}>
          <option value="">{t('accountUi.filters.allStates')}</option>
          {choices.states.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-coalition`}>
          {t('accountUi.filters.coalition')}
        </label>
        <select id={`${id}-coalition`} className="input" value={query.coalition ?? ''} onChange={(e) => set({ coalition: e.target.value || null })}>
          <option value="">{t('accountUi.filters.allCoalitions')}</option>
          <option value="own">{t('accountUi.filters.noCoalition')}</option>
          {choices.coalitionIds.map((id) => (
            <option key={id} value={id}>
              {coalitionName(id)}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-status`}>
          {t('accountUi.filters.status')}
        </label>
        <select id={`${id}-status`} className="input" value={query.status ?? ''} onChange={(e) => set({ status: isReportProgress(e.target.value) ? e.target.value : null })}>
          <option value="">{t('accountUi.filters.allStatuses')}</option>
          {REPORT_PROGRESS.map((p) => (
            <option key={p} value={p}>
              {progressLabel(p, t)}
            </option>
          ))}
        </select>
      </div>
      <div className="report-filters__field">
        <label className="report-filters__label" htmlFor={`${id}-order`}>
          {t('accountUi.filters.order')}
        </label>
        <select id={`${id}-order`} className="input" value={query.sort} onChange={(e) => set({ sort: e.target.value === 'title' || e.target.value === 'deadline' ? e.target.value : 'changed' })}>
          <option value="changed">{t('accountUi.filters.byChange')}</option>
          <option value="title">{t('accountUi.filters.byTitle')}</option>
          <option value="deadline">{t('accountUi.filters.byDeadline')}</option>
        </select>
      </div>
      {isFiltered(query) && (
        <button type="button" className="button button--ghost button--small report-filters__clear" onClick={() => set({ q: '', mechanism: null, state: null, coalition: null, status: null })}>
          {t('accountUi.filters.clear')}
        </button>
      )}
    </div>
  );
}
