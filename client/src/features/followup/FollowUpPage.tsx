/**
 * Follow-up after the review (/follow-up): every deadline the person can see (reports and follow-up dates, time
 * left in their own time zone), recommendations pasted into a tracker, a dashboard per State and per place, and
 * each recommendation's log of evidence and status.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TopBar } from '../../app/TopBar.tsx';
import { describeError } from '../../api/http.ts';
import { useCoalitions } from '../coalitions/useCoalitions.ts';
import { fetchDeadlines, type DeadlineEntry } from '../deadlines/deadlinesApi.ts';
import { DeadlineRows } from '../deadlines/DueSoon.tsx';
import { useNow } from '../deadlines/useNow.ts';
import { fetchTracker, type TrackedItem } from './followUpApi.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { StateDashboard } from './StateDashboard.tsx';
import { TrackedCard } from './TrackedCard.tsx';
import '../deadlines/deadlines.css';
import './followup.css';

export function FollowUpPage() {
  const { t } = useTranslation();
  const now = useNow();
  const { coalitions } = useCoalitions();
  const [items, setItems] = useState<TrackedItem[] | null>(null);
  const [deadlines, setDeadlines] = useState<DeadlineEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = useCallback(() => {
    fetchTracker().then(
      (list) => {
        setItems(list);
        setError(null);
      },
      (err: unknown) => setError(describeError(err)),
    );
    fetchDeadlines().then(setDeadlines, () => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  const upcoming = deadlines.filter((d) => Date.parse(d.deadline.at) >= now - 7 * 24 * 3600_000);
  const states = [...new Set((items ?? []).map((i) => i.state))].sort((a, b) => a.localeCompare(b));

  return (
    <div className="page">
      <TopBar />
      <main id="main" className="list-page followup-page">
        <div>
          <h1 className="page-title">{t('followup.title')}</h1>
          <p className="muted">{t('followup.intro')}</p>
        </div>

        <section className="due-list" aria-labelledby="deadlines-title">
          <h2 className="due-list__title" id="deadlines-title">
            {t('followup.deadlines')}
          </h2>
          {upcoming.length === 0 ? <p className="due-list__empty">{t('followup.noDeadline')}</p> : <DeadlineRows entries={upcoming} now={now} />}
        </section>

        <ImportPanel
          coalitions={coalitions ?? []}
          onImported={(count) => {
            setNotice(t('followup.added', { count }));
            refresh();
          }}
        />
        {notice && (
          <p role="status" className="followup-notice">
            {notice}
          </p>
        )}
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}

        {items === null && !error && <p className="muted">{t('followup.loading')}</p>}
        {items !== null && items.length === 0 && <p className="muted">{t('followup.empty')}</p>}
        {states.map((state) => {
          const ofState = (items ?? []).filter((i) => i.state === state);
          return (
            <section key={state} className="followup-state" aria-label={t('followup.stateLabel', { state })}>
              <h2 className="followup-section__title">{state}</h2>
              <StateDashboard state={state} items={ofState} />
              <ul className="tracked-list">
                {ofState.map((item) => (
                  <TrackedCard key={item.id} item={item} now={now} onChanged={refresh} />
                ))}
              </ul>
            </section>
          );
        })}
      </main>
    </div>
  );
}
