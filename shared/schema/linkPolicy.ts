/**
 * The one rule for which links a report may carry: absolute http, https and mailto addresses, nothing else.
 * The editor (TipTap's Link `isAllowedUri`, the link forms), the content API, both exporters and Word import all
 * ask this module. Anything else (`javascript:`, `data:`, `vbscript:`, `file:`, UNC paths such as
 * `\\server\share` or `//server/share`, relative links) keeps its text and loses the link: a UNC or `file:`
 * link in a Word file makes Windows send the reader's credentials to whoever runs the server named in it.
 *
 * Parsing is deliberately stricter than a browser's: browsers drop tabs and newlines inside a URL and trim
 * control characters at its ends, so `java\tscript:` and ` javascript:` run as `javascript:` there. Here the
 * ends are trimmed the same way, but any control character, white space, invisible or bidirectional mark, or
 * backslash left inside the address refuses it.
 */

/** Schemes a link may use, lower case. */
export const ALLOWED_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/** What a browser (and Word) ignores at the ends of an address: C0 controls, space, and Unicode white space. */
const EDGES = /^[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+|[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]+$/g;

/** Never inside an accepted address: controls, white space, zero-width and bidi marks, backslashes. */
const FORBIDDEN = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** A link's address with what a browser would ignore at its ends removed. */
function trimAddress(raw: string): string {
  return raw.replace(EDGES, '');
}

/** Whether `rest` (after `http:` or `https:`) is `//host...` with a real host name. */
function hasWebAuthority(rest: string): boolean {
  if (!rest.startsWith('//')) return false;
  const authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostAndPort.startsWith('[') ? hostAndPort.slice(0, hostAndPort.indexOf(']') + 1) : hostAndPort.split(':', 1)[0]!;
  return /[^.]/.test(host) && !host.includes('%');
}

/**
 * The address to use for a link, or null when a report may not link to it. Returns the address as given with
 * only its ends trimmed, so what was checked is exactly what goes into the file.
 */
export function safeLinkHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = trimAddress(raw);
  if (!value || FORBIDDEN.test(value)) return null;
  const scheme = SCHEME.exec(value);
  if (!scheme) return null;
  const name = scheme[1]!.toLowerCase();
  const rest = value.slice(scheme[0].length);
  if (name === 'http' || name === 'https') return hasWebAuthority(rest) ? value : null;
  if (name === 'mailto') return rest.length > 0 && !rest.startsWith('/') ? value : null;
  return null;
}

export function isSafeLinkHref(raw: unknown): boolean {
  return safeLinkHref(raw) !== null;
}

/**
 * What a person typed into a link field, as an address: "example.org" becomes "https://example.org",
 * "someone@example.org" a mailto link. Null when the result would not pass `safeLinkHref` (a scheme other
 * than http, https or mailto; a UNC or relative path; nothing at all).
 */
export function normaliseHref(raw: string): string | null {
  const value = trimAddress(raw);
  if (!value) return null;
  const safe = safeLinkHref(value);
  if (safe) return safe;
  // Any other scheme is refused; "localhost:8080" is a host and port, not a scheme.
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value)) return null;
  // "//server/share", "\\server\share", "/path": paths, never completed into web addresses.
  if (/^[/\\]/.test(value)) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return safeLinkHref('mailto:' + value);
  return safeLinkHref('https://' + value);
}
