/** The deadline of a report on its card: when, in the reader's own time zone, and how long is left. */
import type { Deadline } from '../../../../shared/deadlines/deadline.ts';
import { deadlineView } from './deadlineText.ts';
import { useNow } from './useNow.ts';
import './deadlines.css';

export function DeadlineBadge({ deadline }: { deadline: Deadline }) {
  const now = useNow();
  const view = deadlineView(deadline, now);
  return (
    <span className={`deadline-badge deadline-badge--${view.tone}`} data-testid="report-deadline" title={`Set as ${deadline.date} ${deadline.time} (${deadline.zone})`}>
      <span className="deadline-badge__when">Due {view.when}</span>
      <span className="deadline-badge__left" data-testid="deadline-left">
        {view.leftText}
      </span>
    </span>
  );
}
