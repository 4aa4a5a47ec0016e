/**
 * What the screens offer for a role on a report. The server decides with the same shared functions; this only
 * shapes the page, and a wrong guess costs a refused request, never a change the role may not make.
 */
import { atLeast, canWriteDocument, type Role } from '../../../shared/api/roles.ts';
import { text } from '../app/text.ts';

export interface ReportPermissions {
  /** Write the text, the outline (add, rename, move, delete, status), the title and the State. */
  editContent: boolean;
  /** Write comments and suggestions. */
  discuss: boolean;
  /** Give, change and withdraw people's roles on the report. */
  manageMembers: boolean;
  deleteReport: boolean;
}

/**
 * `role` null means unknown: a copy on this device whose role was never fetched (made before accounts, or never
 * opened online). It stays editable, like any offline edit; the server decides when it connects.
 */
export function permissionsFor(role: Role | null): ReportPermissions {
  if (role === null) return { editContent: true, discuss: true, manageMembers: false, deleteReport: false };
  return {
    editContent: canWriteDocument(role, 'content'),
    discuss: canWriteDocument(role, 'discussion'),
    manageMembers: atLeast(role, 'owner'),
    deleteReport: atLeast(role, 'owner'),
  };
}

/** True when the role is known and may not change the text. */
export function isReader(role: Role | null): boolean {
  return role !== null && !canWriteDocument(role, 'content');
}

/** "a reviewer", "an editor": the role as a person holds it, in the interface language. */
export function roleWithArticle(role: Role): string {
  return text(`settings.permissions.withArticle.${role}`);
}

/**
 * What a reader may do, e.g. "Read only — you are a viewer on this report"; a reviewer is told what they can
 * do ("Suggesting and commenting — …"), not that they cannot write.
 */
export function readOnlyMessage(role: Role): string {
  return text(`settings.permissions.readOnly.${role}`);
}

/** The tooltip of a role badge: "Reviewer: Reads the text, writes comments and suggestions". */
export function roleDescription(role: Role): string {
  return text('role.description', { role: text(`role.${role}`), allows: text(`role.${role}.allows`) });
}

/** "As a reviewer, you read the text and write comments and suggestions": the role's description, to its holder. */
export function whatYouCanDo(role: Role): string {
  return text(`settings.permissions.youCan.${role}`);
}
