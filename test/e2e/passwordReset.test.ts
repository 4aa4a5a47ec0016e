/**
 * Forgot password, in the browser, with mail: the sign-in page's link, the form, the mail read from a real SMTP
 * server, the reset page it links to, and a sign-in with the new password (the old one no longer works).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, type TestUser } from '../helpers/clients.ts';
import { freePort } from '../helpers/freePort.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { AMINA, assertClientBuilt, CLIENT_DIR, launchBrowser, newProfile, uniqueEmail } from './support.ts';

describe('Forgot password', () => {
  let storage: TestStorage;
  let server: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let amina: TestUser;

  beforeAll(async () => {
    assertClientBuilt();
    smtp = await startTestSmtp();
    storage = await createTestStorage('sqlite');
    // Links in mails point at the server's own address: it must be known before the server starts.
    const port = await freePort();
    server = await startTestServer(storage, {
      port,
      staticDir: CLIENT_DIR,
      smtpUrl: smtp.url,
      mailFrom: 'Rightsdraft <drafts@example.org>',
      publicUrl: `http://127.0.0.1:${port}`,
    });
    browser = await launchBrowser();
    const email = uniqueEmail(AMINA.email);
    const { user, token } = await server.auth.signup({ name: AMINA.name, email, password: AMINA.password }, { first: true, claim: null });
    amina = { id: user.id, email, name: AMINA.name, password: AMINA.password, cookie: `rd_session=${token}` };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
    await storage?.destroy();
  });

  it('goes from the sign-in page to the mail to a new password that signs in', async () => {
    const { context, page, errors } = await newProfile(browser, AMINA);
    try {
      await page.goto(server.url + '/signin');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.waitForURL(server.url + '/forgot-password');
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      // The form checks the address before sending anything.
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByText('Enter your e-mail address.').waitFor();
      await page.getByLabel('E-mail address').fill(amina.email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      await page.getByText(`If an account uses ${amina.email}, we have sent it a link`).waitFor();

      const [mail] = await smtp.waitFor(amina.email);
      const link = linkIn(mail!, `${server.url}/reset-password#token=`);
      await page.goto(link);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      // The token leaves the address bar once read.
      expect(page.url()).toBe(server.url + '/reset-password');
      await page.getByLabel('New password').fill('short');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByText(/Choose a password of at least 10 characters/).waitFor();
      await page.getByLabel('New password').fill('window meadow copper');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { name: 'Your password is changed' }).waitFor();

      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL(/\/signin/);
      await page.getByLabel('E-mail address').fill(amina.email);
      await page.getByLabel('Password', { exact: true }).fill('window meadow copper');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(server.url + '/');
      await page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

      // The old password is refused, the old session has ended, and the link works only once.
      expect((await api(server.url, '/api/auth/login', { body: { email: amina.email, password: AMINA.password } })).status).toBe(401);
      expect((await api(server.url, '/api/auth/me', { as: amina })).status).toBe(401);
      await page.goto(link);
      await page.getByLabel('New password').fill('another fresh password');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
