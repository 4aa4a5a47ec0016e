/**
 * Who may replace. Finding is reading, open to every role; replacing writes the text, so it follows the same rule
 * as typing (`canEdit`: a role that writes the content, and a text that may be written now). A reviewer's replace
 * is not turned into suggestions: a Replace all would make one suggestion per match across sections, so the bar
 * explains instead. While an editor has Suggesting on, a replace would bypass it, so it is off too.
 */
import type { Role } from '../../../../shared/api/roles.ts';

/** Why this person cannot replace now, as the message key the find bar shows, or null when they can. */
export function replaceBlockedReason(role: Role | null, canEdit: boolean, suggesting: boolean): string | null {
  if (role === 'viewer') return 'editing.replaceBlocked.viewer';
  if (role === 'reviewer') return 'editing.replaceBlocked.reviewer';
  if (!canEdit) return 'editing.replaceBlocked.locked';
  if (suggesting) return 'editing.replaceBlocked.suggesting';
  return null;
}
