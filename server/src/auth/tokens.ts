/** Random bearer secrets (session cookies, access tokens, invitation links) and the hashes stored for them. */
import crypto from 'node:crypto';

/** 256 random bits, URL-safe. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** What the database keeps: a leaked table yields no usable session, token or invitation. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Access tokens carry a prefix so they are recognisable in a leaked config file and by secret scanners. */
export const ACCESS_TOKEN_PREFIX = 'rdpat_';
