/** The app's routes and their URLs. Pure, so parsing is unit-tested. */
import { isReportId } from '../../../shared/protocol/rooms.ts';

export type Route = { name: 'reports' } | { name: 'report'; reportId: string } | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/reports') return { name: 'reports' };
  const match = /^\/reports\/([^/]+)$/.exec(path);
  if (match && isReportId(match[1])) return { name: 'report', reportId: match[1] };
  return { name: 'not-found' };
}

export function reportPath(reportId: string): string {
  return `/reports/${reportId}`;
}
