/**
 * Looking for a marker in bytes the server wrote or sent, in every form a leak could take there: as UTF-8, as hex
 * (how pg_dump writes bytea columns, and how some logs print bytes) and as base64 at each of its three alignments
 * (how JSON carries bytes). A marker typed in one piece stays whole in a Yjs update, so each form would show it.
 */

/** Base64 runs that appear in any base64 text holding the marker's bytes, whatever the bytes before them. */
function base64Forms(marker: Buffer): string[] {
  const forms: string[] = [];
  for (let lead = 0; lead < 3; lead++) {
    const text = Buffer.concat([Buffer.alloc(lead), marker]).toString('base64');
    const full = Math.floor((lead + marker.length) / 3) * 4;
    forms.push(text.slice(lead === 0 ? 0 : 4, full));
  }
  return forms;
}

/** The forms (`utf8`, `hex`, `base64`) in which `haystack` holds `marker`; empty when it holds none. */
export function tracesOf(haystack: Buffer | string, marker: string): string[] {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack, 'utf8') : haystack;
  const m = Buffer.from(marker, 'utf8');
  const found: string[] = [];
  if (bytes.includes(m)) found.push('utf8');
  const hex = m.toString('hex');
  if (bytes.includes(Buffer.from(hex)) || bytes.includes(Buffer.from(hex.toUpperCase()))) found.push('hex');
  if (base64Forms(m).some((form) => bytes.includes(Buffer.from(form)))) found.push('base64');
  return found;
}
