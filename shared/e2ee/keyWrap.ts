/**
 * A report key wrapped for one member (sealed-box style): an ephemeral X25519 key pair, ECDH with the member's
 * public key, HKDF-SHA256 over the shared secret (salted with both public keys), XChaCha20-Poly1305 with a
 * random nonce and the context (report, generation, recipient) as associated data. The wrapper signs the result
 * with its Ed25519 key, so a server cannot hand a member a key of its own making.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { concatBytes, utf8 } from './bytes.ts';

const WRAP_INFO = utf8('rightsdraft-e2ee-v1 report key wrap');
const SIGN_CONTEXT = utf8('rightsdraft-e2ee-v1 report key wrap signature');
export const REPORT_KEY_BYTES = 32;

/** What a wrapped key is bound to: it opens only for this report, generation and member. */
export interface WrapContext {
  reportId: string;
  generation: number;
  recipient: string;
}

const contextBytes = (c: WrapContext) => utf8(`${c.reportId}\n${c.generation}\n${c.recipient}`);

export function newReportKey(): Uint8Array {
  return randomBytes(REPORT_KEY_BYTES);
}

/** Wrap `reportKey` for the recipient's X25519 public key; signed with the wrapper's Ed25519 secret key. */
export function wrapReportKey(reportKey: Uint8Array, recipientPublic: Uint8Array, context: WrapContext, wrapperSigningKey: Uint8Array): Uint8Array {
  const ephemeral = x25519.keygen();
  const shared = x25519.getSharedSecret(ephemeral.secretKey, recipientPublic);
  const key = hkdf(sha256, shared, concatBytes(ephemeral.publicKey, recipientPublic), WRAP_INFO, 32);
  const nonce = randomBytes(24);
  const ciphertext = xchacha20poly1305(key, nonce, contextBytes(context)).encrypt(reportKey);
  const body = concatBytes(ephemeral.publicKey, nonce, ciphertext);
  const signature = ed25519.sign(concatBytes(SIGN_CONTEXT, contextBytes(context), body), wrapperSigningKey);
  return concatBytes(body, signature);
}

/**
 * Unwrap with the recipient's X25519 secret key after checking the wrapper's signature; null when anything
 * fails (another context, a wrapper whose key does not match, tampering).
 */
export function unwrapReportKey(
  wrapped: Uint8Array,
  recipient: { secretKey: Uint8Array; publicKey: Uint8Array },
  context: WrapContext,
  wrapperVerifyKey: Uint8Array,
): Uint8Array | null {
  try {
    if (wrapped.length !== 32 + 24 + REPORT_KEY_BYTES + 16 + 64) return null;
    const body = wrapped.subarray(0, wrapped.length - 64);
    const signature = wrapped.subarray(wrapped.length - 64);
    if (!ed25519.verify(signature, concatBytes(SIGN_CONTEXT, contextBytes(context), body), wrapperVerifyKey)) return null;
    const ephemeralPublic = body.subarray(0, 32);
    const shared = x25519.getSharedSecret(recipient.secretKey, ephemeralPublic);
    const key = hkdf(sha256, shared, concatBytes(ephemeralPublic, recipient.publicKey), WRAP_INFO, 32);
    return xchacha20poly1305(key, body.subarray(32, 56), contextBytes(context)).decrypt(body.subarray(56));
  } catch {
    return null;
  }
}
