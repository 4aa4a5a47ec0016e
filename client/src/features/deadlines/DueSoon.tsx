/**
 * The in-app reminder: what is due in the coming week (or overdue by a day or less), above the report list,
 * with the time left in the reader's own time zone. Nothing shows when nothing is due.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../../app/router.ts';
import { reportPath } from '../../app/routes.ts';
import { DAY_MS } from '../../../../shared/deadlines/timeLeft.ts';
import { fetchDeadlines, type DeadlineEntry } from './deadlinesApi.ts';
import { deadlineView } from './deadlineText.ts';
import { useNow } from './useNow.ts';
import './deadlines.css';

export function DueSoon() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<DeadlineEntry[]>([]);
  const now = useNow();
  useEffect(() => {
    fetchDeadlines().then(setEntries, () => setEntries([]));
  }, []);
  const due = entries.filter((e) => {
    const view = deadlineView(e.deadline, now);
    return view.left.soon || (view.left.past && view.left.ms > -DAY_MS);
  });
  if (due.length === 0) return null;
  return (
    <section className="due-list" aria-labelledby="due-soon-title" data-testid="due-soon">
      <h2 className="due-list__title" id="due-soon-title">
        {t('deadlines.dueSoon')}
      </h2>
      <DeadlineRows entries={due} now={now} />
    </section>
  );
}

export function DeadlineRows({ entries, now }: { entries: DeadlineEntry[]; now: number }) {
  return (
    <ul>
      {entries.map((e) => {
        const view = deadlineView(e.deadline, now);
        return (
          <li key={e.key} data-testid="deadline-row">
            <a href={e.kind === 'report' ? reportPath(e.id) : `/follow-up#${e.id}`} onClick={handleLinkClick}>
              {e.title}
            </a>
            {e.detail && <span className="muted">{e.detail}</span>}
            <span className={`deadline-badge deadline-badge--${view.tone}`}>
              <span>{view.when}</span>
              <span className="deadline-badge__left">{view.leftText}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
