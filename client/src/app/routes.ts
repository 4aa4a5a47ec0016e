/** The app's routes and their URLs. Pure, so parsing is unit-tested. */
import { isReportId } from '../../../shared/protocol/rooms.ts';

export type Route =
  | { name: 'reports' }
  | { name: 'report'; reportId: string }
  | { name: 'signin' }
  | { name: 'signup' }
  | { name: 'coalitions' }
  | { name: 'coalition'; coalitionId: string }
  | { name: 'invite'; token: string }
  | { name: 'forgot-password' }
  /** Links from mails carry their secret in the fragment (`#token=`), which never reaches the server. */
  | { name: 'reset-password' }
  | { name: 'confirm-account' }
  | { name: 'report-invitation' }
  | { name: 'account' }
  | { name: 'admin' }
  /** Deadlines and the follow-up tracker (features/followup/). */
  | { name: 'follow-up' }
  /** The library (issue 14): open without an account (published entries only). */
  | { name: 'library' }
  | { name: 'library-entry'; entryId: string }
  | { name: 'not-found' };

/** Pages anyone may open without an account. */
export const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set([
  'signin',
  'signup',
  'invite',
  'forgot-password',
  'reset-password',
  'confirm-account',
  'report-invitation',
  'library',
  'library-entry',
]);

/** Pages a signed-in person is sent on from (to `?next=` or their reports). */
export const SIGNED_OUT_ONLY: ReadonlySet<Route['name']> = new Set(['signin', 'signup', 'forgot-password']);

/** Invitation tokens and coalition ids: URL-safe characters only. */
const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/reports') return { name: 'reports' };
  if (path === '/signin') return { name: 'signin' };
  if (path === '/signup') return { name: 'signup' };
  if (path === '/coalitions') return { name: 'coalitions' };
  if (path === '/forgot-password') return { name: 'forgot-password' };
  if (path === '/reset-password') return { name: 'reset-password' };
  if (path === '/confirm-account') return { name: 'confirm-account' };
  if (path === '/report-invitation') return { name: 'report-invitation' };
  if (path === '/account') return { name: 'account' };
  if (path === '/admin') return { name: 'admin' };
  if (path === '/follow-up') return { name: 'follow-up' };
  if (path === '/library') return { name: 'library' };
  const [, first, second, ...rest] = path.split('/');
  if (rest.length > 0 || second === undefined) return { name: 'not-found' };
  if (first === 'reports' && isReportId(second)) return { name: 'report', reportId: second };
  if (first === 'coalitions' && TOKEN.test(second)) return { name: 'coalition', coalitionId: second };
  if (first === 'invite' && TOKEN.test(second)) return { name: 'invite', token: second };
  if (first === 'library' && /^[A-Za-z0-9_-]{1,100}$/.test(second)) return { name: 'library-entry', entryId: second };
  return { name: 'not-found' };
}

export function reportPath(reportId: string): string {
  return `/reports/${reportId}`;
}

export function coalitionPath(coalitionId: string): string {
  return `/coalitions/${encodeURIComponent(coalitionId)}`;
}

/** The sign-in page, coming back to `next` afterwards. */
export function signInPath(next?: string): string {
  return next && next !== '/' ? `/signin?next=${encodeURIComponent(next)}` : '/signin';
}

/** Where to go after signing in: an in-app path from `?next=`, never another site. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** A value from the fragment of a link in a mail (`#token=…&next=…`). */
export function fragmentParam(hash: string, name: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(name);
}
