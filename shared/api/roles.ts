/**
 * Roles on a report and what each may do. The server decides with these functions on every API call and sync
 * connection; the client uses the same ones only to shape its screens.
 */
export const ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, reviewer: 2, editor: 3, owner: 4 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `minimum` (owner > editor > reviewer > viewer). */
export function atLeast(role: Role | null | undefined, minimum: Role): boolean {
  return !!role && RANK[role] >= RANK[minimum];
}

/** The higher of two roles (a person may hold one through a coalition and another directly). */
export function higherRole(a: Role | null, b: Role | null): Role | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  reviewer: 'Reviewer',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including members and deleting the report',
  editor: 'Writes the text',
  reviewer: 'Reads the text, writes comments and suggestions',
  viewer: 'Reads only',
};

/** Who may change which of a report's two documents. */
export function canWriteDocument(role: Role | null, kind: 'content' | 'discussion'): boolean {
  return kind === 'content' ? atLeast(role, 'editor') : atLeast(role, 'reviewer');
}
