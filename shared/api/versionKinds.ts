/**
 * Why a version exists. `named`: a person saved it. The others are automatic: an editing session ended
 * (`session-end`), the report had been edited for a while without one (`periodic`), a change was about to remove a
 * large part of the report (`before-deletion`), or a version was about to be restored (`before-restore`).
 */
export const VERSION_KINDS = ['named', 'session-end', 'periodic', 'before-deletion', 'before-restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export function isVersionKind(value: unknown): value is VersionKind {
  return typeof value === 'string' && (VERSION_KINDS as readonly string[]).includes(value);
}
