/**
 * The links mails carry, all under PUBLIC_URL (never a request's Host header). Secrets travel in the fragment
 * (`#token=`), which browsers do not send to the server, so they stay out of access logs and Referer headers.
 */
export class MailLinks {
  constructor(private readonly base: string) {}

  signIn(): string {
    return `${this.base}/signin`;
  }

  forgotPassword(): string {
    return `${this.base}/forgot-password`;
  }

  resetPassword(token: string): string {
    return `${this.base}/reset-password#token=${token}`;
  }

  confirmAccount(token: string): string {
    return `${this.base}/confirm-account#token=${token}`;
  }

  reportInvitation(token: string): string {
    return `${this.base}/report-invitation#token=${token}`;
  }

  report(reportId: string): string {
    return `${this.base}/reports/${reportId}`;
  }

  followUp(): string {
    return `${this.base}/follow-up`;
  }
}
