/** Addresses of the Library's pages. */
export function libraryEntryPath(id: string): string {
  return `/library/${encodeURIComponent(id)}`;
}
