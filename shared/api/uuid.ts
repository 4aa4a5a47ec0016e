/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts, and a coalition may open a
 * small server over plain http on its LAN, so fall back to getRandomValues, which exists everywhere.
 */
interface WebCrypto {
  randomUUID?: () => string;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

export function newUuid(): string {
  const c = (globalThis as unknown as { crypto: WebCrypto }).crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
