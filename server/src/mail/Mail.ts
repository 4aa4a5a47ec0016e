/** The mailer and the links to put in mails, handed to the parts that send; `configured` false means no mail. */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { createMailer, notConfigured, type Mailer } from './Mailer.ts';
import { MailLinks } from './links.ts';
import type { MailText } from './texts.ts';

export class Mail {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly mailer: Mailer,
    private readonly linkBase: string | null,
    private readonly log: Logger,
  ) {}

  static fromConfig(config: Config, log: Logger): Mail {
    return new Mail(createMailer(config, log), config.publicUrl, log);
  }

  static none(log: Logger): Mail {
    return new Mail(notConfigured, null, log);
  }

  get configured(): boolean {
    return this.mailer.configured && this.linkBase !== null;
  }

  /** Links under PUBLIC_URL; only asked for when `configured` (config makes PUBLIC_URL required with SMTP_URL). */
  get links(): MailLinks {
    if (!this.linkBase) throw new Error('mail links asked for without PUBLIC_URL');
    return new MailLinks(this.linkBase);
  }

  /**
   * Send in the background: the caller has answered already, so nobody learns from an answer's content or
   * timing whether a mail went out. Failures are logged with `context` (ids, never addresses or tokens).
   */
  sendLater(to: string, text: MailText, context: Record<string, unknown>): void {
    if (!this.configured) return;
    const p = this.mailer
      .send({ to, ...text })
      .catch((err: unknown) => this.log.warn('mail not sent', { ...context, err }))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Wait for mails under way (on shutdown), then close the connection to the SMTP server. */
  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    this.mailer.close();
  }
}
