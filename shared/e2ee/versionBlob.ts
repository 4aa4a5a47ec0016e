/**
 * A version of an end-to-end encrypted report (docs/ENCRYPTION.md, "Versions"): made in a member's browser, sealed
 * as one envelope of type `version` (kind `content`) with the report key of the current generation and signed by
 * its maker. Inside, and only there: the version's name and the Yjs state of both documents (content and
 * discussion). The server reads the header (report, generation, signer) and the size, nothing else.
 *
 * Plaintext layout: `1 (format) | name length (uint16 BE) | name (UTF-8) | content length (uint32 BE) | content state
 * | discussion state`.
 */
import { concatBytes, fromUtf8, utf8 } from './bytes.ts';
import { openEnvelope, readHeader, sealEnvelope, type EnvelopeHeader, type OpenResult } from './envelope.ts';

const FORMAT = 1;
/** Longest name, in characters (the plain versions' limit). */
export const VERSION_NAME_MAX = 200;

export interface VersionPlaintext {
  name: string;
  /** `Y.encodeStateAsUpdate` of the content document. */
  content: Uint8Array;
  /** `Y.encodeStateAsUpdate` of the discussion document. */
  discussion: Uint8Array;
}

export function encodeVersion(v: VersionPlaintext): Uint8Array {
  const name = utf8(v.name.slice(0, VERSION_NAME_MAX));
  const head = new Uint8Array(1 + 2);
  head[0] = FORMAT;
  new DataView(head.buffer).setUint16(1, name.length);
  const contentLength = new Uint8Array(4);
  new DataView(contentLength.buffer).setUint32(0, v.content.length);
  return concatBytes(head, name, contentLength, v.content, v.discussion);
}

/** Null for bytes that are not a version of this format. */
export function decodeVersion(bytes: Uint8Array): VersionPlaintext | null {
  try {
    if (bytes.length < 7 || bytes[0] !== FORMAT) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const nameLength = view.getUint16(1);
    if (3 + nameLength + 4 > bytes.length) return null;
    const name = fromUtf8(bytes.subarray(3, 3 + nameLength));
    const contentLength = view.getUint32(3 + nameLength);
    const at = 3 + nameLength + 4;
    if (at + contentLength > bytes.length) return null;
    return { name, content: bytes.slice(at, at + contentLength), discussion: bytes.slice(at + contentLength) };
  } catch {
    return null;
  }
}

export function sealVersion(
  fields: { reportId: string; generation: number; signer: string },
  version: VersionPlaintext,
  reportKey: Uint8Array,
  signingKey: Uint8Array,
): Uint8Array {
  return sealEnvelope({ ...fields, type: 'version', kind: 'content' }, encodeVersion(version), reportKey, signingKey);
}

export type OpenVersionResult =
  | { ok: true; header: EnvelopeHeader; version: VersionPlaintext }
  | { ok: false; reason: Extract<OpenResult, { ok: false }>['reason'] | 'not-a-version'; header?: EnvelopeHeader };

/**
 * Check and open a sealed version: the envelope's checks (report, a signer allowed to write, signature, key, AEAD
 * tag), then that it is a version and not a sync message replayed as one (or the reverse).
 */
export function openVersion(
  sealed: Uint8Array,
  ctx: { reportId: string; writerKey: (userId: string) => Uint8Array | null; reportKey: (generation: number) => Uint8Array | null },
): OpenVersionResult {
  const header = readHeader(sealed)?.header;
  if (header && header.type !== 'version') return { ok: false, reason: 'not-a-version', header };
  const opened = openEnvelope(sealed, { ...ctx, kind: 'content' });
  if (!opened.ok) return opened;
  const version = decodeVersion(opened.plaintext);
  if (!version) return { ok: false, reason: 'not-a-version', header: opened.header };
  return { ok: true, header: opened.header, version };
}

/** The readable header of a sealed version (what the server checks), or null when it is not one. */
export function readVersionHeader(sealed: Uint8Array): EnvelopeHeader | null {
  const header = readHeader(sealed)?.header;
  return header?.type === 'version' && header.kind === 'content' ? header : null;
}
