/** Links a client could write straight into a report (no editor to refuse them): text -> address. */
export const UNSAFE_LINKS: Record<string, string> = {
  'script link': 'javascript:alert(1)',
  'file share link': 'file://server/share',
  'backslash share link': '\\\\attacker\\share',
};
