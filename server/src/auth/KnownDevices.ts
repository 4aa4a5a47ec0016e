/**
 * Which browsers an account has signed in from, so a sign-in from a new one can be told to its owner. Each
 * browser gets a random cookie (`rd_device`, HttpOnly, sent only to /api/auth); the database keeps its hash
 * per account. Clearing cookies or a private window counts as a new device.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appendCookie } from '../http/cookies.ts';
import type { Storage } from '../storage/Storage.ts';
import { parseCookies } from './AuthService.ts';
import { hashSecret, newSecret } from './tokens.ts';

export const DEVICE_COOKIE = 'rd_device';
const DEVICE_MAX_AGE_S = 400 * 24 * 3600;

export class KnownDevices {
  constructor(private readonly storage: Storage) {}

  /** True when this browser has signed in to this account before; remembers it either way. */
  async recognise(req: IncomingMessage, res: ServerResponse, user: { id: string }, secure: boolean): Promise<boolean> {
    let device = parseCookies(req.headers.cookie).get(DEVICE_COOKIE);
    if (!device || !/^[A-Za-z0-9_-]{43}$/.test(device)) {
      device = newSecret();
      appendCookie(res, [`${DEVICE_COOKIE}=${device}`, 'Path=/api/auth', 'HttpOnly', 'SameSite=Lax', `Max-Age=${DEVICE_MAX_AGE_S}`, ...(secure ? ['Secure'] : [])].join('; '));
    }
    return this.storage.mail.rememberDevice(user.id, hashSecret(device), new Date().toISOString());
  }
}
