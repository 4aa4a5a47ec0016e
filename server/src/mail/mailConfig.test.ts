import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

const base = { SMTP_URL: 'smtp://user:p%40ss@mail.example.org:587', MAIL_FROM: 'Rightsdraft <drafts@example.org>', PUBLIC_URL: 'https://drafts.example.org/' };

describe('mail configuration', () => {
  it('is off without SMTP_URL, and reads the three settings with it', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: null, mailFrom: null, publicUrl: null, mailDigestMs: 3600_000 });
    expect(loadConfig({ ...base, MAIL_DIGEST_MINUTES: '15' })).toMatchObject({
      smtpUrl: base.SMTP_URL,
      mailFrom: base.MAIL_FROM,
      publicUrl: 'https://drafts.example.org',
      mailDigestMs: 15 * 60_000,
    });
  });

  it('refuses to start with SMTP_URL but no sender or no PUBLIC_URL (links never come from the Host header)', () => {
    expect(() => loadConfig({ ...base, MAIL_FROM: '' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://mail.example.org' })).toThrow(/smtp/);
    expect(() => loadConfig({ ...base, MAIL_FROM: 'no address here' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ ...base, MAIL_DIGEST_MINUTES: '0' })).toThrow(/MAIL_DIGEST_MINUTES/);
  });
});
