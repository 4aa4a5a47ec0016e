/** Accept what people type ("example.org", "mailto:...") and refuse schemes that could run code. */
export function normaliseHref(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (/^(https?:|mailto:)/i.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value)) return null;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'mailto:' + value;
  return 'https://' + value.replace(/^\/+/, '');
}
