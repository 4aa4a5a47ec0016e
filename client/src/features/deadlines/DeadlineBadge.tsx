/** The deadline of a report on its card: when, in the reader's own time zone, and how long is left. */
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../../shared/deadlines/deadline.ts';
import { deadlineView } from './deadlineText.ts';
import { useNow } from './useNow.ts';
import './deadlines.css';

export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const now = useNow();
  const view = deadlineView(deadline, now);
  return (
    <span className={`deadline-badge deadline-badge--${view.tone}`} data-testid="report-deadline" title={t('deadlines.badge.setAs', { date: deadline.date, time: deadline.time, zone: deadline.zone })}>
      <span className="deadline-badge__when">{t('deadlines.badge.due', { when: view.when })}</span>
      <span className="deadline-badge__left" data-testid="deadline-left">
        {view.leftText}
      </span>
    </span>
  );
}
