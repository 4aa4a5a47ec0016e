/**
 * The signed-in user's role on a report (`GET /api/reports/:id`), remembered per report on this device so a
 * reviewer offline still gets a reviewer's screen. `undefined` while it is being asked for the first time
 * (nothing may be written yet: a reviewer's first keystroke would close their connection), `null` when it
 * cannot be known (offline on a new device, or the server could not say).
 */
import { useEffect, useState } from 'react';
import { isRole, type Role } from '../../../../shared/api/roles.ts';
import { fetchRole } from './reviewApi.ts';

const key = (reportId: string) => `rightsdraft.role.${reportId}`;

function remembered(reportId: string): Role | null {
  try {
    const value = localStorage.getItem(key(reportId));
    return isRole(value) ? value : null;
  } catch {
    return null;
  }
}

/** Forget the roles remembered for these reports (their copies were removed from this device). */
export function forgetRememberedRoles(reportIds: Iterable<string>): void {
  try {
    for (const id of reportIds) localStorage.removeItem(key(id));
  } catch {
    // Storage disabled: nothing was remembered.
  }
}

/** One request per report at a time, however many components ask. */
const inflight = new Map<string, Promise<Role | null>>();
function requestRole(reportId: string): Promise<Role | null> {
  let p = inflight.get(reportId);
  if (!p) {
    p = fetchRole(reportId).finally(() => setTimeout(() => inflight.delete(reportId), 1000));
    inflight.set(reportId, p);
  }
  return p;
}

export function useReportRole(reportId: string, online: boolean): Role | null | undefined {
  const [role, setRole] = useState<Role | null | undefined>(() => remembered(reportId) ?? (online ? undefined : null));
  useEffect(() => {
    if (!online) {
      setRole((r) => (r === undefined ? null : r));
      return;
    }
    let live = true;
    requestRole(reportId).then(
      (r) => {
        if (!live) return;
        setRole(r);
        try {
          if (r) localStorage.setItem(key(reportId), r);
        } catch {
          // Storage disabled: known for this visit.
        }
      },
      () => live && setRole((r) => (r === undefined ? null : r)),
    );
    return () => {
      live = false;
    };
  }, [reportId, online]);
  return role;
}
