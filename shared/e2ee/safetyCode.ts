/**
 * The safety code of an account's public keys: what two people compare by phone or in person to know that the
 * server gave each the other's real keys. 20 decimal digits in groups of five, from SHA-256 over both keys.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8 } from './bytes.ts';

export function safetyCode(userId: string, boxPublic: Uint8Array, signPublic: Uint8Array): string {
  const digest = sha256(concatBytes(utf8(`rightsdraft-safety-v1\n${userId}\n`), boxPublic, signPublic));
  const groups: string[] = [];
  for (let i = 0; i < 4; i++) {
    const n = ((digest[i * 3]! << 16) | (digest[i * 3 + 1]! << 8) | digest[i * 3 + 2]!) % 100_000;
    groups.push(String(n).padStart(5, '0'));
  }
  return groups.join(' ');
}
