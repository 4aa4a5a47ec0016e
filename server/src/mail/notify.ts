/**
 * Security notices by mail: a sign-in from a device the account has not used before, a password changed, and
 * an attempt to create an account with an address that has one. Each is sent after the request is answered;
 * without mail configured they do nothing.
 */
import type { IncomingMessage } from 'node:http';
import type { Mail } from './Mail.ts';
import { languageFor, newDeviceMail, passwordChangedMail, signupTakenMail } from './texts.ts';

interface Person {
  id: string;
  email: string;
  name: string;
}

/** "2026-12-07 01:10" in UTC: what the mails say. */
function when(date = new Date()): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** A short description of the browser from its User-Agent (the only device detail a person can check). */
function describeDevice(req: IncomingMessage): string {
  const ua = req.headers['user-agent'] ?? '';
  const browser = /Firefox\/\d+/.exec(ua)?.[0] ?? /Edg\/\d+/.exec(ua)?.[0] ?? /Chrome\/\d+/.exec(ua)?.[0] ?? /Version\/\d+[^ ]* Safari/.exec(ua)?.[0];
  const system = /Windows|Android|iPhone|iPad|Mac OS X|Linux/.exec(ua)?.[0];
  const out = [browser?.replace('/', ' ').replace('Edg', 'Edge'), system && `on ${system.replace('Mac OS X', 'macOS')}`].filter(Boolean).join(' ');
  return out || 'unknown';
}

export class Notify {
  constructor(private readonly mail: Mail) {}

  newDevice(user: Person, req: IncomingMessage): void {
    if (!this.mail.configured) return;
    const text = newDeviceMail(languageFor(user), { name: user.name, when: when(), device: describeDevice(req), resetLink: this.mail.links.forgotPassword() });
    this.mail.sendLater(user.email, text, { notice: 'new device', userId: user.id });
  }

  passwordChanged(user: Person): void {
    if (!this.mail.configured) return;
    const text = passwordChangedMail(languageFor(user), { name: user.name, when: when(), resetLink: this.mail.links.forgotPassword() });
    this.mail.sendLater(user.email, text, { notice: 'password changed', userId: user.id });
  }

  signupTaken(user: Person): void {
    if (!this.mail.configured) return;
    const links = this.mail.links;
    const text = signupTakenMail(languageFor(user), { name: user.name, signInLink: links.signIn(), resetLink: links.forgotPassword() });
    this.mail.sendLater(user.email, text, { notice: 'sign-up with a taken address', userId: user.id });
  }
}
