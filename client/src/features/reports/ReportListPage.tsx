import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isMechanism } from '../../../../shared/api/mechanisms.ts';
import { mechanismName as nameOf } from '../../../../shared/i18n/mechanismNames.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { useAccount } from '../../auth/useAccount.ts';
import { formatDate } from '../../ui/dates.ts';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import { useCoalitions } from '../coalitions/useCoalitions.ts';
import { handleLinkClick } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { useOnline } from '../../app/useOnline.ts';
import { useOfflineReady } from '../../app/useOfflineReady.ts';
import { Icon } from '../../ui/Icon.tsx';
import { mergeReports, type ReportListItem } from './mergeReports.ts';
import { NewReportDialog } from './NewReportDialog.tsx';
import { ImportReportButton } from '../import/ImportReportButton.tsx';
import { makeOwnReport, markRestoredOnServer } from '../../db/catalog.ts';
import { apiErrorMessage } from '../../api/http.ts';
import { ReportCardActions } from './ReportCardActions.tsx';
import { DeadlineBadge } from '../deadlines/DeadlineBadge.tsx';
import { DueSoon } from '../deadlines/DueSoon.tsx';
import { ReportListFilters } from './ReportListFilters.tsx';
import { TrashView } from './TrashView.tsx';
import { filterChoices, filterReports, formatListQuery, isFiltered, parseListQuery, type ReportListQuery } from './reportListQuery.ts';
import './reportList.css';
import { publishReport } from './publish.ts';
import { progressLabel } from './progressLabel.ts';
import { useLocalReports } from './useLocalReports.ts';
import { useServerReports } from './useServerReports.ts';

export function ReportListPage() {
  const { t } = useTranslation();
  const local = useLocalReports();
  const { list, refresh } = useServerReports();
  const accountId = useAccount()?.id;
  const { coalitions } = useCoalitions();
  const coalitionNames = useMemo(() => new Map((coalitions ?? []).map((c) => [c.id, c.name])), [coalitions]);
  const online = useOnline();
  const offlineReady = useOfflineReady();
  const [creating, setCreating] = useState(false);
  const [query, setQueryState] = useState<ReportListQuery>(() => parseListQuery(location.search));
  const setQuery = (next: ReportListQuery) => {
    setQueryState(next);
    // Kept in the URL, so a reload (or a bookmark) shows the same list; replaced, not pushed, per keystroke.
    history.replaceState(history.state, '', location.pathname + formatListQuery(next));
  };
  useEffect(() => {
    const onPop = () => setQueryState(parseListQuery(location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.title = query.view === 'trash' ? t('list.pageTitleTrash') : t('list.pageTitle');
  }, [query.view, t]);

  const merged = useMemo(
    () => (local === null ? null : mergeReports(local, list.state === 'ok' ? list.reports : null, accountId, list.state === 'ok' ? list.askedAt : undefined)),
    [local, list, accountId],
  );
  // A report the server lists again was restored (here or elsewhere): this device's copy syncs again.
  useEffect(() => {
    if (list.state !== 'ok' || !local) return;
    const listed = new Set(list.reports.map((r) => r.id));
    // Only a list asked for after this device learned of the deletion counts (an older one still held it).
    for (const r of local) {
      if (r.deletedOnServer && listed.has(r.id) && (!r.deletedOnServerAt || list.askedAt > r.deletedOnServerAt)) void markRestoredOnServer(r.id);
    }
  }, [list, local]);
  const all = useMemo(() => merged?.filter((i) => !i.deletedOnServer) ?? null, [merged]);
  const deviceCopiesDeleted = useMemo(() => merged?.filter((i) => i.deletedOnServer) ?? [], [merged]);
  const items = useMemo(() => (all === null ? null : filterReports(all, query)), [all, query]);
  const choices = useMemo(() => filterChoices(all ?? []), [all]);
  const loading = items === null || all === null || (list.state === 'loading' && all.length === 0);
  const serverReachable = online && list.state === 'ok';
  const coalitionName = (id: string) => coalitionNames.get(id) ?? t('list.aCoalition');

  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">{t('list.title')}</h1>
            <p className="muted">{t('list.intro')}</p>
          </div>
          <div className="list-page__actions">
            <ImportReportButton />
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> {t('newReport.title')}
            </button>
          </div>
        </div>

        {(!online || list.state === 'unreachable') && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>
              {online ? t('list.unreachable') : t('list.offline')}
            </span>
          </div>
        )}

        <div className="list-tabs" role="group" aria-label={t('list.show')}>
          <button
            type="button"
            className="list-tabs__tab"
            aria-pressed={query.view === 'reports'}
            onClick={() => setQuery({ ...query, view: 'reports' })}
          >
            {t('nav.reports')}
          </button>
          <button type="button" className="list-tabs__tab" aria-pressed={query.view === 'trash'} onClick={() => setQuery({ ...query, view: 'trash' })}>
            <Icon name="trash" size={16} /> {t('list.trash')}
          </button>
        </div>

        {query.view === 'trash' ? (
          <TrashView deviceCopies={deviceCopiesDeleted} online={online} onChanged={refresh} />
        ) : loading ? (
          <p className="muted" role="status">
            {t('list.loading')}
          </p>
        ) : all.length > 0 && (items.length > 0 || isFiltered(query)) ? (
          <>
            <DueSoon />
            <ReportListFilters query={query} onChange={setQuery} choices={choices} coalitionName={coalitionName} />
            <p className="muted report-filters__count" role="status" data-testid="report-count">
              {isFiltered(query) ? t('list.countFiltered', { shown: items.length, count: all.length }) : t('list.count', { count: all.length })}
            </p>
            {items.length === 0 ? (
              <p className="empty muted">{t('list.noMatch')}</p>
            ) : (
              <ul className="report-list" aria-label={t('nav.reports')}>
                {items.map((item) => (
                  <ReportCard
                    key={item.id}
                    item={item}
                    coalitionName={item.coalitionId ? (coalitionNames.get(item.coalitionId) ?? null) : null}
                    serverReachable={serverReachable}
                    onChanged={refresh}
                  />
                ))}
              </ul>
            )}
          </>
        ) : items.length === 0 ? (
          <div className="empty">
            <h2>{t('list.empty')}</h2>
            <p className="muted">{t('list.emptyHelp')}</p>
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> {t('newReport.title')}
            </button>
          </div>
        ) : null}

        <p className="list-page__foot muted">
          {offlineReady ? t('list.offlineReady') : t('list.offlinePreparing')}
        </p>
      </main>
      <NewReportDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** A report made on this device that the server refused, with the reason and, for a coalition's, the way on. */
function PublishRefused({ item }: { item: ReportListItem }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const makeOwn = async () => {
    setBusy(true);
    await makeOwnReport(item.id);
    await publishReport(item.id);
    setBusy(false);
  };
  return (
    <span className="report-card__refused" role="status" data-testid="publish-refused">
      <span>{t('accountUi.list.publishRefused', { reason: apiErrorMessage(item.publishRefused!.code, item.publishRefused!.message, item.publishRefused!.params) })}</span>
      {item.coalitionId && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void makeOwn()}>
          {busy ? t('accountUi.list.sending') : t('accountUi.list.makeOwn')}
        </button>
      )}
    </span>
  );
}

/** Where the report is, in the interface language (null: on both, nothing to say). */
function placeLabel(place: ReportListItem['place'], t: TFunction): string | null {
  if (place === 'device-only') return t('list.place.deviceOnly');
  if (place === 'server-only') return t('list.place.serverOnly');
  if (place === 'device') return t('list.place.device');
  return null;
}

function ReportCard({
  item,
  coalitionName,
  serverReachable,
  onChanged,
}: {
  item: ReportListItem;
  coalitionName: string | null;
  serverReachable: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const mechanismName = isMechanism(item.mechanism) ? nameOf(item.mechanism, currentLanguage()) : item.mechanism;
  const place = placeLabel(item.place, t);
  return (
    <li className="report-card" data-testid="report-card" data-report-id={item.id} data-place={item.place}>
      <a href={reportPath(item.id)} className="report-card__link" onClick={handleLinkClick}>
        <span className="report-card__title" dir="auto">{item.title || t('report.untitled')}</span>
      </a>
      <p className="report-card__meta">
        <abbr className="mechanism-code" title={mechanismName}>
          {item.mechanism}
        </abbr>
        {item.stateUnderReview && <span>{item.stateUnderReview}</span>}
        <span className="report-card__owner">
          <Icon name={item.coalitionId ? 'people' : 'person'} size={15} />
          <span data-testid="report-coalition">
            {item.coalitionId ? (coalitionName ?? t('list.aCoalition')) : item.role === 'owner' || item.role === null ? t('list.ownReport') : t('list.sharedWithYou')}
          </span>
        </span>
        <span className="muted">{t('list.updated', { date: formatDate(item.activityAt) })}</span>
        <span className={`report-card__progress report-card__progress--${item.progress ?? 'unknown'}`} data-testid="report-progress">
          {item.progress ? progressLabel(item.progress, t) : t('list.statusUnknown')}
        </span>
        {item.deadline && <DeadlineBadge deadline={item.deadline} />}
      </p>
      <p className="report-card__badges">
        {item.role && <RoleBadge role={item.role} />}
        {item.deletedOnServer && <span className="badge badge--deleted">{t('accountUi.list.deletedOnServer')}</span>}
        {place && (
          <span className={`badge badge--${item.place}`}>
            <Icon name={item.place === 'server-only' ? 'cloud' : 'device'} size={14} /> {place}
          </span>
        )}
        {item.publishRefused && <PublishRefused item={item} />}
        {item.unsendable ? (
          <span className="badge badge--unsynced">{t('accountUi.list.unsendable', { role: item.role ?? 'none' })}</span>
        ) : (
          item.hasUnsyncedChanges && item.place !== 'device-only' && !item.deletedOnServer && <span className="badge badge--unsynced">{t('accountUi.list.waitingToSync')}</span>
        )}
      </p>
      <ReportCardActions item={item} serverReachable={serverReachable} onChanged={onChanged} />
    </li>
  );
}
