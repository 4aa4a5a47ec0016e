/** The deadline a copy of the report's document holds on its cover, or null. */
import type * as Y from 'yjs';
import { toDeadline, type Deadline } from '../../../../shared/deadlines/deadline.ts';
import { getDeadlineParts } from '../../../../shared/report/coverFields.ts';

export function coverDeadline(doc: Y.Doc): Deadline | null {
  const parts = getDeadlineParts(doc);
  return parts ? toDeadline(parts) : null;
}
