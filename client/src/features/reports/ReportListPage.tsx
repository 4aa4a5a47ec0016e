import { useEffect, useMemo, useState } from 'react';
import { MECHANISM_NAMES, isMechanism } from '../../../../shared/api/mechanisms.ts';
import { TopBar } from '../../app/TopBar.tsx';
import { roleWithArticle } from '../../auth/permissions.ts';
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
import { PROGRESS_LABEL } from '../../../../shared/report/progress.ts';
import { ReportCardActions } from './ReportCardActions.tsx';
import { DeadlineBadge } from '../deadlines/DeadlineBadge.tsx';
import { DueSoon } from '../deadlines/DueSoon.tsx';
import { ReportListFilters } from './ReportListFilters.tsx';
import { TrashView } from './TrashView.tsx';
import { filterChoices, filterReports, formatListQuery, isFiltered, parseListQuery, type ReportListQuery } from './reportListQuery.ts';
import './reportList.css';
import { publishReport } from './publish.ts';
import { useLocalReports } from './useLocalReports.ts';
import { useServerReports } from './useServerReports.ts';

export function ReportListPage() {
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
    document.title = query.view === 'trash' ? 'Trash — Rightsdraft' : 'Reports — Rightsdraft';
  }, [query.view]);

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
  const coalitionName = (id: string) => coalitionNames.get(id) ?? 'A coalition';

  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page">
        <div className="list-page__head">
          <div>
            <h1 className="page-title">Shadow reports</h1>
            <p className="muted">Reports you write or read, on your own or with your coalitions, on this device and on your server.</p>
          </div>
          <div className="list-page__actions">
            <ImportReportButton />
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> New report
            </button>
          </div>
        </div>

        {(!online || list.state === 'unreachable') && (
          <div className="notice" role="status">
            <Icon name="device" />
            <span>
              {online ? 'The server can’t be reached right now.' : 'You are offline.'} Showing the reports saved on this device;
              new reports are kept here and uploaded when the connection returns.
            </span>
          </div>
        )}

        <div className="list-tabs" role="group" aria-label="Show">
          <button
            type="button"
            className="list-tabs__tab"
            aria-pressed={query.view === 'reports'}
            onClick={() => setQuery({ ...query, view: 'reports' })}
          >
            Reports
          </button>
          <button type="button" className="list-tabs__tab" aria-pressed={query.view === 'trash'} onClick={() => setQuery({ ...query, view: 'trash' })}>
            <Icon name="trash" size={16} /> Trash
          </button>
        </div>

        {query.view === 'trash' ? (
          <TrashView deviceCopies={deviceCopiesDeleted} online={online} onChanged={refresh} />
        ) : loading ? (
          <p className="muted" role="status">
            Loading reports…
          </p>
        ) : all.length > 0 && (items.length > 0 || isFiltered(query)) ? (
          <>
            <DueSoon />
            <ReportListFilters query={query} onChange={setQuery} choices={choices} coalitionName={coalitionName} />
            <p className="muted report-filters__count" role="status" data-testid="report-count">
              {isFiltered(query) ? `${items.length} of ${all.length} reports` : `${all.length} ${all.length === 1 ? 'report' : 'reports'}`}
            </p>
            {items.length === 0 ? (
              <p className="empty muted">No report matches. Try fewer words or clear the filters.</p>
            ) : (
              <ul className="report-list" aria-label="Reports">
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
            <h2>No reports yet</h2>
            <p className="muted">
              Start a shadow report for a treaty body or the Universal Periodic Review, on your own or for one of your coalitions. Reports
              shared with you appear here too.
            </p>
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> New report
            </button>
          </div>
        ) : null}

        <p className="list-page__foot muted">
          {offlineReady ? 'Rightsdraft is available offline on this device.' : 'Preparing offline use on this device…'}
        </p>
      </main>
      <NewReportDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** A report made on this device that the server refused, with the reason and, for a coalition's, the way on. */
function PublishRefused({ item }: { item: ReportListItem }) {
  const [busy, setBusy] = useState(false);
  const makeOwn = async () => {
    setBusy(true);
    await makeOwnReport(item.id);
    await publishReport(item.id);
    setBusy(false);
  };
  return (
    <span className="report-card__refused" role="status" data-testid="publish-refused">
      <span>The server did not take this report: {item.publishRefused!.message} It is safe on this device.</span>
      {item.coalitionId && (
        <button type="button" className="button button--small" disabled={busy} onClick={() => void makeOwn()}>
          {busy ? 'Sending…' : 'Make it your own report'}
        </button>
      )}
    </span>
  );
}

const PLACE_LABEL: Record<ReportListItem['place'], string | null> = {
  'device-only': 'Only on this device',
  both: null,
  'server-only': 'Not yet on this device',
  device: 'On this device',
};

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
  const mechanismName = isMechanism(item.mechanism) ? MECHANISM_NAMES[item.mechanism] : item.mechanism;
  const place = PLACE_LABEL[item.place];
  return (
    <li className="report-card" data-testid="report-card" data-report-id={item.id} data-place={item.place}>
      <a href={reportPath(item.id)} className="report-card__link" onClick={handleLinkClick}>
        <span className="report-card__title">{item.title || 'Untitled report'}</span>
      </a>
      <p className="report-card__meta">
        <abbr className="mechanism-code" title={mechanismName}>
          {item.mechanism}
        </abbr>
        {item.stateUnderReview && <span>{item.stateUnderReview}</span>}
        <span className="report-card__owner">
          <Icon name={item.coalitionId ? 'people' : 'person'} size={15} />
          <span data-testid="report-coalition">
            {item.coalitionId ? (coalitionName ?? 'A coalition') : item.role === 'owner' || item.role === null ? 'Your own report' : 'Shared with you'}
          </span>
        </span>
        <span className="muted">Updated {formatDate(item.activityAt)}</span>
        <span className={`report-card__progress report-card__progress--${item.progress ?? 'unknown'}`} data-testid="report-progress">
          {item.progress ? PROGRESS_LABEL[item.progress] : 'Status not known yet'}
        </span>
        {item.deadline && <DeadlineBadge deadline={item.deadline} />}
      </p>
      <p className="report-card__badges">
        {item.role && <RoleBadge role={item.role} />}
        {item.deletedOnServer && <span className="badge badge--deleted">Deleted on the server</span>}
        {place && (
          <span className={`badge badge--${item.place}`}>
            <Icon name={item.place === 'server-only' ? 'cloud' : 'device'} size={14} /> {place}
          </span>
        )}
        {item.publishRefused && <PublishRefused item={item} />}
        {item.unsendable ? (
          <span className="badge badge--unsynced">Changes on this device can’t be sent: you are now {item.role ? roleWithArticle(item.role) : 'a reader'}</span>
        ) : (
          item.hasUnsyncedChanges && item.place !== 'device-only' && !item.deletedOnServer && <span className="badge badge--unsynced">Changes waiting to sync</span>
        )}
      </p>
      <ReportCardActions item={item} serverReachable={serverReachable} onChanged={onChanged} />
    </li>
  );
}
