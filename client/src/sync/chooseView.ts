/** Which copy of a report to show and connect; pure, so the rule is unit-tested. See `ReportView` in syncStatus.ts. */
import type { Role } from '../../../shared/api/roles.ts';
import { isReader } from '../auth/permissions.ts';
import type { ReportView } from './syncStatus.ts';

export interface ViewInputs {
  role: Role | null;
  /** Changes made on this device that the server has not confirmed. */
  unsyncedChanges: number;
  /** The server refused a change from this device's copy (4403) since the role was last read. */
  refusedWrite: boolean;
}

/**
 * A reader's connection must never send a change (the server closes it with 4403), and the stock provider
 * sends the device copy's missing changes as soon as it connects. So a reader whose copy holds changes of its
 * own (made while they could still write, or refused already) reads a fresh copy of the server's text instead;
 * the device copy keeps their changes untouched for the day the role is raised again.
 */
export function chooseView({ role, unsyncedChanges, refusedWrite }: ViewInputs): ReportView {
  if (!isReader(role)) return 'device';
  return unsyncedChanges > 0 || refusedWrite ? 'server' : 'device';
}
