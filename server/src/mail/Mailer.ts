/**
 * Sending mail. `SmtpMailer` talks to the configured SMTP server; without `SMTP_URL` the app runs with
 * `notConfigured`, sends nothing, and shows links to copy instead (callers check `configured`).
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { SmtpMailer } from './SmtpMailer.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** False when no SMTP server is configured: nothing is sent and the app works as without mail. */
  readonly configured: boolean;
  /** Resolves once the SMTP server has accepted the message; rejects if it did not. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export const notConfigured: Mailer = {
  configured: false,
  send: async () => {},
  close: () => {},
};

export function createMailer(config: Config, log: Logger): Mailer {
  if (!config.smtpUrl || !config.mailFrom) return notConfigured;
  return new SmtpMailer(config.smtpUrl, config.mailFrom, log);
}
