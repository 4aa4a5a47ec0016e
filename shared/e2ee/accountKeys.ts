/**
 * An account's key pairs (X25519 to receive report keys, Ed25519 to sign what it writes), and how their secret
 * halves are stored on the server: encrypted with a key derived from the password by Argon2id, and a second
 * copy with a key derived (HKDF) from a random 128-bit recovery code shown once. The server never sees either
 * secret.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { fromBase64, fromUtf8, toBase64, utf8 } from './bytes.ts';

export interface AccountKeyPairs {
  boxPublic: Uint8Array;
  boxSecret: Uint8Array;
  signPublic: Uint8Array;
  signSecret: Uint8Array;
}

/** The public half, as the server stores and hands out (base64). */
export interface PublicKeys {
  boxPublic: string;
  signPublic: string;
}

/** A secret wrapped for storage on the server (JSON, every binary field base64). */
export interface WrappedSecret {
  v: 1;
  kdf: 'argon2id' | 'hkdf-recovery';
  /** Argon2id cost, when kdf is argon2id: iterations, memory in KiB, lanes. */
  t?: number;
  m?: number;
  p?: number;
  salt: string;
  nonce: string;
  data: string;
}

/** Argon2id cost for the password wrap: OWASP's minimum (19 MiB, 2 passes), so a phone can afford it. */
export const ARGON2_COST = { t: 2, m: 19_456, p: 1 } as const;
const AAD = utf8('rightsdraft-e2ee-v1 account keys');
const RECOVERY_INFO = utf8('rightsdraft-e2ee-v1 recovery code');

export function generateAccountKeys(): AccountKeyPairs {
  const box = x25519.keygen();
  const sign = ed25519.keygen();
  return { boxPublic: box.publicKey, boxSecret: box.secretKey, signPublic: sign.publicKey, signSecret: sign.secretKey };
}

export function publicKeysOf(keys: AccountKeyPairs): PublicKeys {
  return { boxPublic: toBase64(keys.boxPublic), signPublic: toBase64(keys.signPublic) };
}

function encodeSecrets(keys: AccountKeyPairs): Uint8Array {
  return utf8(JSON.stringify({ boxSecret: toBase64(keys.boxSecret), signSecret: toBase64(keys.signSecret) }));
}

function decodeSecrets(plain: Uint8Array): AccountKeyPairs | null {
  const parsed = JSON.parse(fromUtf8(plain)) as { boxSecret?: string; signSecret?: string };
  const boxSecret = fromBase64(parsed.boxSecret ?? '');
  const signSecret = fromBase64(parsed.signSecret ?? '');
  if (!boxSecret || !signSecret || boxSecret.length !== 32 || signSecret.length !== 32) return null;
  return { boxSecret, signSecret, boxPublic: x25519.getPublicKey(boxSecret), signPublic: ed25519.getPublicKey(signSecret) };
}

function seal(key: Uint8Array, keys: AccountKeyPairs, head: Omit<WrappedSecret, 'nonce' | 'data'>): WrappedSecret {
  const nonce = randomBytes(24);
  const data = xchacha20poly1305(key, nonce, AAD).encrypt(encodeSecrets(keys));
  return { ...head, nonce: toBase64(nonce), data: toBase64(data) };
}

function open(key: Uint8Array, wrapped: WrappedSecret): AccountKeyPairs | null {
  try {
    const nonce = fromBase64(wrapped.nonce);
    const data = fromBase64(wrapped.data);
    if (!nonce || !data) return null;
    return decodeSecrets(xchacha20poly1305(key, nonce, AAD).decrypt(data));
  } catch {
    return null;
  }
}

async function passwordKey(password: string, salt: Uint8Array, cost: { t: number; m: number; p: number }): Promise<Uint8Array> {
  return argon2idAsync(utf8(password), salt, { ...cost, dkLen: 32 });
}

export async function wrapWithPassword(keys: AccountKeyPairs, password: string): Promise<WrappedSecret> {
  const salt = randomBytes(16);
  return seal(await passwordKey(password, salt, ARGON2_COST), keys, { v: 1, kdf: 'argon2id', ...ARGON2_COST, salt: toBase64(salt) });
}

export async function unwrapWithPassword(wrapped: WrappedSecret, password: string): Promise<AccountKeyPairs | null> {
  const salt = fromBase64(wrapped.salt);
  if (wrapped.kdf !== 'argon2id' || !salt || !wrapped.t || !wrapped.m || !wrapped.p) return null;
  // A server could ask for a cost that freezes the browser: refuse anything far above ours.
  if (wrapped.m > 262_144 || wrapped.t > 10 || wrapped.p > 4) return null;
  return open(await passwordKey(password, salt, { t: wrapped.t, m: wrapped.m, p: wrapped.p }), wrapped);
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new recovery code: 26 characters of a 32-letter alphabet (130 bits), in groups of four for reading aloud. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(26);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]!).join('');
  return chars.match(/.{1,4}/g)!.join('-');
}

function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function recoveryKey(code: string, salt: Uint8Array): Uint8Array {
  // The code holds 130 random bits: no memory-hard function is needed to slow down guessing it.
  return hkdf(sha256, utf8(normaliseRecoveryCode(code)), salt, RECOVERY_INFO, 32);
}

export function wrapWithRecoveryCode(keys: AccountKeyPairs, code: string): WrappedSecret {
  const salt = randomBytes(16);
  return seal(recoveryKey(code, salt), keys, { v: 1, kdf: 'hkdf-recovery', salt: toBase64(salt) });
}

export function unwrapWithRecoveryCode(wrapped: WrappedSecret, code: string): AccountKeyPairs | null {
  const salt = fromBase64(wrapped.salt);
  if (wrapped.kdf !== 'hkdf-recovery' || !salt) return null;
  return open(recoveryKey(code, salt), wrapped);
}

/** Whether a JSON value is shaped like a wrapped secret (the server checks this before storing one). */
export function isWrappedSecret(value: unknown): value is WrappedSecret {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Record<string, unknown>;
  const str = (k: string, max: number) => typeof w[k] === 'string' && (w[k] as string).length > 0 && (w[k] as string).length <= max;
  const num = (k: string) => w[k] === undefined || (Number.isInteger(w[k]) && (w[k] as number) > 0 && (w[k] as number) < 1_000_000);
  return w.v === 1 && (w.kdf === 'argon2id' || w.kdf === 'hkdf-recovery') && str('salt', 64) && str('nonce', 64) && str('data', 1024) && num('t') && num('m') && num('p');
}

