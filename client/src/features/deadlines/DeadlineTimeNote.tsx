/** Under the cover form's deadline date: the time and zone it is at, and that moment on the reader's own clock. */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { toDeadline } from '../../../../shared/deadlines/deadline.ts';
import { getDeadlineParts } from '../../../../shared/report/coverFields.ts';
import { useDocValue } from '../treaty/useDocValue.ts';
import { deadlineView } from './deadlineText.ts';
import { useNow } from './useNow.ts';

/** Message keys for the zones with a familiar name; any other zone shows as its IANA name. */
const ZONE_NAMES: Record<string, string> = { 'Europe/Zurich': 'deadlines.zone.geneva' };

export function DeadlineTimeNote({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const key = useDocValue(doc, (d) => JSON.stringify(getDeadlineParts(d)));
  const now = useNow();
  const parts = getDeadlineParts(doc);
  if (!parts || key === 'null') return null;
  const view = deadlineView(toDeadline(parts), now);
  const zoneName = ZONE_NAMES[parts.zone];
  return (
    <p className="field__help" data-testid="cover-deadline-time">
      {t('deadlines.timeNote', { time: parts.time, zone: zoneName ? t(zoneName) : parts.zone, when: view.when, left: view.leftText })}
    </p>
  );
}
