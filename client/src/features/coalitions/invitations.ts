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

/** What a dead link tells its holder (410 used or expired, 404 not valid): message keys, translated where shown. */
export function deadLinkMessage(err: unknown): { titleKey: string; messageKey: string } | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code === 'invitation_expired') return { titleKey: 'coalitionsUi.invitation.expiredTitle', messageKey: 'coalitionsUi.invitation.expiredText' };
  if (err.code === 'invitation_used') return { titleKey: 'coalitionsUi.invitation.usedTitle', messageKey: 'coalitionsUi.invitation.usedText' };
  if (err.status === 404) return { titleKey: 'coalitionsUi.invitation.invalidTitle', messageKey: 'coalitionsUi.invitation.invalidText' };
  return null;
}
