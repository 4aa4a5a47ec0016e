import { describe, expect, it } from 'vitest';
import { digestMail, reportInvitationMail } from './texts.ts';

describe('mail texts', () => {
  it('escape what people wrote in the HTML part and keep it readable in the text part', () => {
    const mail = digestMail('en', {
      name: 'Ana',
      reports: [
        {
          title: 'Report <on> "water"',
          link: 'https://drafts.example.org/reports/1',
          entries: [{ kind: 'mention', authorName: 'Bo <b>', body: '<script>alert(1)</script> & more', quote: 'a "quote"' }],
        },
      ],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(mail.html).toContain('<a href="https://drafts.example.org/reports/1">');
    expect(mail.text).toContain('> <script>alert(1)</script> & more');
    expect(mail.text).toContain('https://drafts.example.org/reports/1');
  });

  it('keep a name with line breaks on the subject line', () => {
    const mail = reportInvitationMail('en', { inviterName: 'Eve\r\nBcc: someone@example.org', reportTitle: 'R', role: 'editor', link: 'https://x.example/l' });
    expect(mail.subject).toBe('Eve Bcc: someone@example.org invited you to a report on Rightsdraft');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
