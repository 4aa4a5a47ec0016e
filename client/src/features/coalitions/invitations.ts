/** Invitation links: the address to share, and what a dead one tells its holder. Pure, so both are unit-tested. */
import type { Invitation } from '../../api/coalitionsApi.ts';
import { ApiError } from '../../api/http.ts';

/**
 * The link people open: the server's, built from its configured public address (PUBLIC_URL). When that is not
 * set (the answer carries a warning), this app's own address is the better guess than the server's, which may
 * miss a proxy's https.
 */
export function invitationLink(invitation: Pick<Invitation, 'token' | 'url' | 'warning'>, origin = location.origin): string {
  return invitation.warning ? `${origin}/invite/${invitation.token}` : invitation.url;
}

/** What a dead link tells its holder (410 used or expired, 404 not valid). */
export function deadLinkMessage(err: unknown): { title: string; message: string } | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code === 'invitation_expired') return { title: 'This invitation has expired', message: 'Ask the person who invited you for a new link.' };
  if (err.code === 'invitation_used') {
    return { title: 'This invitation has been used already', message: 'Each link works once. If it was not you who used it, ask for a new one.' };
  }
  if (err.status === 404) return { title: 'This invitation link is not valid', message: 'Check that you opened the whole link, or ask for a new one.' };
  return null;
}
