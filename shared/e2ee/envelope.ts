/**
 * The sealed message of an end-to-end encrypted report (format v1, see docs/ENCRYPTION.md): a Yjs update or
 * snapshot encrypted with the report key of one generation (XChaCha20-Poly1305, random 24-byte nonce, the
 * header as associated data) and signed by the writer's Ed25519 key over header, nonce and ciphertext. The
 * header is readable by the server (it checks report, kind, signer and generation) but cannot be changed
 * without breaking both the AEAD tag and the signature.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { concatBytes, fromUtf8, toBase64, utf8 } from './bytes.ts';

export const ENVELOPE_VERSION = 1;
const SIGNING_CONTEXT = utf8('rightsdraft-e2ee-v1 envelope');
const NONCE_BYTES = 24;
const SIGNATURE_BYTES = 64;
const ID_BYTES = 16;

/**
 * `presence` seals a y-protocols awareness update (names, colours, carets): a type of its own, so that no
 * receiver can ever take it for a document update (openEnvelope opens it only when asked for presence).
 * `version`: a named version of the report, sealed whole (shared/e2ee/versionBlob.ts); never a sync message.
 */
export type EnvelopeType = 'update' | 'snapshot' | 'presence' | 'version';
export type EnvelopeKind = 'content' | 'discussion';

/** What anyone (the server included) can read of a sealed message. */
export interface EnvelopeHeader {
  version: number;
  type: EnvelopeType;
  /** 16 random bytes, base64: a client refuses an id it has already applied (a replay). */
  id: string;
  generation: number;
  kind: EnvelopeKind;
  reportId: string;
  /** The writer's account id; the signature must verify with that account's Ed25519 key. */
  signer: string;
}

const TYPE_CODES: Record<EnvelopeType, number> = { update: 1, snapshot: 2, presence: 3, version: 4 };
const KIND_CODES: Record<EnvelopeKind, number> = { content: 0, discussion: 1 };

function encodeHeader(h: Omit<EnvelopeHeader, 'version' | 'id'>, id: Uint8Array): Uint8Array {
  const report = utf8(h.reportId);
  const signer = utf8(h.signer);
  if (report.length > 255 || signer.length > 255) throw new Error('report or signer id too long');
  const fixed = new Uint8Array(2 + ID_BYTES + 4 + 1);
  fixed[0] = ENVELOPE_VERSION;
  fixed[1] = TYPE_CODES[h.type];
  fixed.set(id, 2);
  new DataView(fixed.buffer).setUint32(2 + ID_BYTES, h.generation);
  fixed[2 + ID_BYTES + 4] = KIND_CODES[h.kind];
  return concatBytes(fixed, Uint8Array.of(report.length), report, Uint8Array.of(signer.length), signer);
}

/** Parse the readable header of a sealed message; null when the bytes are not a v1 envelope. */
export function readHeader(sealed: Uint8Array): { header: EnvelopeHeader; headerBytes: number } | null {
  try {
    const fixedLength = 2 + ID_BYTES + 4 + 1;
    if (sealed.length < fixedLength + 2 + NONCE_BYTES + 16 + SIGNATURE_BYTES || sealed[0] !== ENVELOPE_VERSION) return null;
    const type = (Object.keys(TYPE_CODES) as EnvelopeType[]).find((t) => TYPE_CODES[t] === sealed[1]);
    const kind = (Object.keys(KIND_CODES) as EnvelopeKind[]).find((k) => KIND_CODES[k] === sealed[fixedLength - 1]);
    if (!type || !kind) return null;
    const generation = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(2 + ID_BYTES);
    let at = fixedLength;
    const reportLength = sealed[at++]!;
    const reportId = fromUtf8(sealed.subarray(at, at + reportLength));
    at += reportLength;
    const signerLength = sealed[at++]!;
    const signer = fromUtf8(sealed.subarray(at, at + signerLength));
    at += signerLength;
    if (at + NONCE_BYTES + 16 + SIGNATURE_BYTES > sealed.length || !reportId || !signer) return null;
    const id = toBase64(sealed.subarray(2, 2 + ID_BYTES));
    return { header: { version: ENVELOPE_VERSION, type, id, generation, kind, reportId, signer }, headerBytes: at };
  } catch {
    return null;
  }
}

/** Encrypt and sign one update or snapshot. */
export function sealEnvelope(
  fields: Omit<EnvelopeHeader, 'version' | 'id'>,
  plaintext: Uint8Array,
  reportKey: Uint8Array,
  signingKey: Uint8Array,
): Uint8Array {
  const header = encodeHeader(fields, randomBytes(ID_BYTES));
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = xchacha20poly1305(reportKey, nonce, header).encrypt(plaintext);
  const body = concatBytes(header, nonce, ciphertext);
  const signature = ed25519.sign(concatBytes(SIGNING_CONTEXT, body), signingKey);
  return concatBytes(body, signature);
}

export type OpenResult =
  | { ok: true; header: EnvelopeHeader; plaintext: Uint8Array }
  | { ok: false; reason: 'malformed' | 'wrong-type' | 'wrong-report' | 'unknown-signer' | 'bad-signature' | 'no-key' | 'bad-ciphertext' | 'replayed'; header?: EnvelopeHeader };

export interface OpenContext {
  reportId: string;
  kind: EnvelopeKind;
  /** The Ed25519 public key of a member allowed to write this kind, or null for anyone else. */
  writerKey: (userId: string) => Uint8Array | null;
  /** The report key of a generation, or null when this client does not hold it. */
  reportKey: (generation: number) => Uint8Array | null;
  /** Ids already applied; a repeated id is refused and a new one is added. */
  seen?: Set<string>;
  /**
   * True to open presence (awareness) envelopes, and only those; otherwise a presence envelope is refused
   * ('wrong-type'), so it never reaches a document as an update.
   */
  presence?: boolean;
}

/** Check the signature, then decrypt; every failure says why, and nothing unverified is ever returned. */
export function openEnvelope(sealed: Uint8Array, ctx: OpenContext): OpenResult {
  const parsed = readHeader(sealed);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const { header, headerBytes } = parsed;
  if ((header.type === 'presence') !== (ctx.presence === true)) return { ok: false, reason: 'wrong-type', header };
  if (header.reportId !== ctx.reportId || header.kind !== ctx.kind) return { ok: false, reason: 'wrong-report', header };
  const writer = ctx.writerKey(header.signer);
  if (!writer) return { ok: false, reason: 'unknown-signer', header };
  const body = sealed.subarray(0, sealed.length - SIGNATURE_BYTES);
  const signature = sealed.subarray(sealed.length - SIGNATURE_BYTES);
  let valid = false;
  try {
    valid = ed25519.verify(signature, concatBytes(SIGNING_CONTEXT, body), writer);
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad-signature', header };
  if (ctx.seen?.has(header.id)) return { ok: false, reason: 'replayed', header };
  const key = ctx.reportKey(header.generation);
  if (!key) return { ok: false, reason: 'no-key', header };
  try {
    const nonce = body.subarray(headerBytes, headerBytes + NONCE_BYTES);
    const plaintext = xchacha20poly1305(key, nonce, body.subarray(0, headerBytes)).decrypt(body.subarray(headerBytes + NONCE_BYTES));
    ctx.seen?.add(header.id);
    return { ok: true, header, plaintext };
  } catch {
    return { ok: false, reason: 'bad-ciphertext', header };
  }
}
