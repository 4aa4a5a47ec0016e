/** Mail through the SMTP server in `SMTP_URL` (nodemailer). The URL holds the password: it is never logged. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../log.ts';
import type { Mailer, MailMessage } from './Mailer.ts';

export class SmtpMailer implements Mailer {
  readonly configured = true;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    // nodemailer reads host, port, TLS (smtps:) and credentials from the URL; STARTTLS is used when offered.
    this.transport = nodemailer.createTransport(smtpUrl);
    const url = new URL(smtpUrl);
    this.log.info('mail through SMTP', { server: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}` });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
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
    this.transport.close();
  }
}
