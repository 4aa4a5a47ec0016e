/** File names for exported reports: `<mechanism>-<state>-<title>.<ext>`, lower-case ASCII, safe on every system. */

/** Lower-case ASCII words joined by hyphens; accents are dropped, other scripts are left out. */
export function slugify(text: string, maxChars = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxChars).replace(/-+$/, '');
}

export function exportFileName(meta: { mechanism: string; stateUnderReview: string; title: string }, extension: string): string {
  const parts = [meta.mechanism, meta.stateUnderReview, meta.title].map((p) => slugify(p)).filter(Boolean);
  return `${parts.join('-') || 'report'}.${extension}`;
}

/** A Content-Disposition header value: an ASCII name for old clients, and the same name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
