/**
 * Co-authors as the outline shows them, read from awareness states. The server rewrites each state's `user` (name,
 * account id, role) from the sender's session before relaying it, and caps its size; the colour is the sender's
 * choice, so it is still checked here, as is everything for a server that does not rewrite.
 */
import { isRole } from '../../../shared/api/roles.ts';
import type { Peer } from '../stores/presenceStore.ts';

const FALLBACK_COLOR = '#5c6878';
const HEX = /^#[0-9a-f]{6}$/i;

export function peersFromAwareness(states: Map<number, Record<string, unknown>>, ownClientId: number): Peer[] {
  const peers: Peer[] = [];
  states.forEach((state, clientId) => {
    if (clientId === ownClientId) return;
    const user = state.user as { name?: unknown; color?: unknown; role?: unknown } | undefined;
    if (!user || typeof user.name !== 'string' || user.name.trim() === '') return;
    const section = state.section;
    peers.push({
      clientId,
      name: user.name.trim().slice(0, 60),
      // The colour lands in a style attribute: only plain hex colours get through.
      color: typeof user.color === 'string' && HEX.test(user.color) ? user.color : FALLBACK_COLOR,
      sectionId: typeof section === 'string' ? section : null,
      // As the server set it from the session: for display only, the server decides what they may do.
      role: isRole(user.role) ? user.role : null,
    });
  });
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
