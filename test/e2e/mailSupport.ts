/**
 * Browser tests with mail: a real SMTP server, a SQLite server serving the built client that mails through it
 * (its links point at its own address, so the port is chosen before it starts), Chromium, and Amina signed up
 * as the first account.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Config } from '../../server/src/config.ts';
import type { TestUser } from '../helpers/clients.ts';
import { freePort } from '../helpers/freePort.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { AMINA, assertClientBuilt, CLIENT_DIR, launchBrowser, uniqueEmail } from './support.ts';

export interface MailSuite {
  storage: TestStorage;
  server: TestServer;
  smtp: TestSmtp;
  browser: Browser;
  /** Signed up (the first account) through the server, not the browser. */
  amina: TestUser;
}

/** Registers beforeAll/afterAll in the calling describe; the fields are filled in beforeAll. */
export function useMailSuite(overrides: Partial<Config> = {}): MailSuite {
  const s = {} as MailSuite;
  beforeAll(async () => {
    assertClientBuilt();
    s.smtp = await startTestSmtp();
    s.storage = await createTestStorage('sqlite');
    // Links in mails point at the server's own address: it must be known before the server starts.
    const port = await freePort();
    s.server = await startTestServer(s.storage, {
      port,
      staticDir: CLIENT_DIR,
      smtpUrl: s.smtp.url,
      mailFrom: 'Rightsdraft <drafts@example.org>',
      publicUrl: `http://127.0.0.1:${port}`,
      ...overrides,
    });
    s.browser = await launchBrowser();
    const email = uniqueEmail(AMINA.email);
    const { user, token } = await s.server.auth.signup({ name: AMINA.name, email, password: AMINA.password }, { first: true, claim: null });
    s.amina = { id: user.id, email, name: AMINA.name, password: AMINA.password, cookie: `rd_session=${token}` };
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
    await s.smtp?.close();
    await s.storage?.destroy();
  });
  return s;
}
