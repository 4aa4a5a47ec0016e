/** Mail through the SMTP server in `SMTP_URL` (nodemailer). The URL holds the password: it is never logged. */
import type { Transporter } from 'nodemailer';
import type { Logger } from '../log.ts';
import type { Mailer, MailMessage } from './Mailer.ts';

export class SmtpMailer implements Mailer {
  readonly configured = true;
  /** nodemailer is loaded with the first mail, not at start. */
  private transport: Promise<Transporter> | null = null;

  constructor(
    private readonly smtpUrl: string,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    const url = new URL(this.smtpUrl);
    this.log.info('mail through SMTP', { server: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}` });
  }

  async send(message: MailMessage): Promise<void> {
    if (!this.transport) {
      this.transport = import('nodemailer').then(({ default: nodemailer }) =>
        // nodemailer reads host, port, TLS (smtps:) and credentials from the URL; STARTTLS is used when offered.
        nodemailer.createTransport(this.smtpUrl),
      );
      // A transport that could not be made is tried again with the next mail rather than kept.
      this.transport.catch(() => (this.transport = null));
    }
    const transport = await this.transport;
    await transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // Nothing in a mail loads from elsewhere, and no tracking headers are added.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  close(): void {
    void this.transport?.then((t) => t.close());
  }
}
