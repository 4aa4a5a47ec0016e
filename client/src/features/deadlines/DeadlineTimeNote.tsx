/** Under the cover form's deadline date: the time and zone it is at, and that moment on the reader's own clock. */
import type * as Y from 'yjs';
import { toDeadline } from '../../../../shared/deadlines/deadline.ts';
import { getDeadlineParts } from '../../../../shared/report/coverFields.ts';
import { useDocValue } from '../treaty/useDocValue.ts';
import { deadlineView } from './deadlineText.ts';
import { useNow } from './useNow.ts';

const ZONE_NAMES: Record<string, string> = { 'Europe/Zurich': 'Geneva time' };

export function DeadlineTimeNote({ doc }: { doc: Y.Doc }) {
  const key = useDocValue(doc, (d) => JSON.stringify(getDeadlineParts(d)));
  const now = useNow();
  const parts = getDeadlineParts(doc);
  if (!parts || key === 'null') return null;
  const view = deadlineView(toDeadline(parts), now);
  return (
    <p className="field__help" data-testid="cover-deadline-time">
      At {parts.time} {ZONE_NAMES[parts.zone] ?? parts.zone}: {view.when} on your clock, {view.leftText}.
    </p>
  );
}
