/**
 * Who may replace. Finding is reading, open to every role; replacing writes the text, so it follows the same rule
 * as typing (`canEdit`: a role that writes the content, and a text that may be written now). A reviewer's replace
 * is not turned into suggestions: a Replace all would make one suggestion per match across sections, so the bar
 * explains instead. While an editor has Suggesting on, a replace would bypass it, so it is off too.
 */
import type { Role } from '../../../../shared/api/roles.ts';

/** Why this person cannot replace now, in words for the find bar, or null when they can. */
export function replaceBlockedReason(role: Role | null, canEdit: boolean, suggesting: boolean): string | null {
  if (role === 'viewer') return 'You can find text but not replace it: viewers read the report without changing it.';
  if (role === 'reviewer') return 'Reviewers can find text but not replace it. To propose a change, select the text and suggest it, or add a comment.';
  if (!canEdit) return 'The text cannot be changed right now, so replacing is off.';
  if (suggesting) return 'Replacing is off while Suggesting is on: it would change the text directly. Turn Suggesting off to replace.';
  return null;
}
