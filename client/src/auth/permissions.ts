/**
 * What the screens offer for a role on a report. The server decides with the same shared functions; this only
 * shapes the page, and a wrong guess costs a refused request, never a change the role may not make.
 */
import { atLeast, canWriteDocument, ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from '../../../shared/api/roles.ts';

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

/** "a reviewer", "an editor". */
export function roleWithArticle(role: Role): string {
  const label = ROLE_LABELS[role].toLowerCase();
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

/**
 * What a reader may do, e.g. "Read only — you are a viewer on this report"; a reviewer is told what they can
 * do ("Suggesting and commenting — …"), not that they cannot write.
 */
export function readOnlyMessage(role: Role): string {
  if (role === 'reviewer') return `Suggesting and commenting — you are ${roleWithArticle(role)} on this report`;
  return `Read only — you are ${roleWithArticle(role)} on this report`;
}

/** The tooltip of a role badge. */
export function roleDescription(role: Role): string {
  return `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}`;
}

const YOU_CAN: Record<Role, string> = {
  owner: 'can do everything, including managing members and deleting reports',
  editor: 'write the text',
  reviewer: 'read the text and write comments and suggestions',
  viewer: 'read the text',
};

/** "As a reviewer, you read the text and write comments and suggestions": the role's description, to its holder. */
export function whatYouCanDo(role: Role): string {
  return `As ${roleWithArticle(role)}, you ${YOU_CAN[role]}`;
}
