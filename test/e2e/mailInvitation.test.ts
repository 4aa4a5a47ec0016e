/**
 * An invitation to a report mailed to someone without an account, in the browser: the link from the mail, the
 * sign-up on the invitation page, the confirmation mail, and the report open with the role it carried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, createReport, type TestUser } from '../helpers/clients.ts';
import { freePort } from '../helpers/freePort.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { AMINA, BRUNO, assertClientBuilt, CLIENT_DIR, launchBrowser, newProfile, uniqueEmail, waitForSyncState } from './support.ts';

describe('An invitation to a report by mail', () => {
  let storage: TestStorage;
  let server: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let amina: TestUser;

  beforeAll(async () => {
    assertClientBuilt();
    smtp = await startTestSmtp();
    storage = await createTestStorage('sqlite');
    const port = await freePort();
    // Sign-up by invitation only (the product's default): the mailed invitation is what lets the newcomer in.
    server = await startTestServer(storage, {
      port,
      staticDir: CLIENT_DIR,
      smtpUrl: smtp.url,
      mailFrom: 'Rightsdraft <drafts@example.org>',
      publicUrl: `http://127.0.0.1:${port}`,
      registration: 'invite',
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

  it('goes from the mail to a new account, confirmed by mail, with the report open as reviewer', async () => {
    const report = await createReport(server.url, amina, { title: 'Racial discrimination in housing' });
    const bruno = uniqueEmail(BRUNO.email);
    const added = await api(server.url, `/api/reports/${report.id}/members`, { as: amina, body: { email: bruno, role: 'reviewer' } });
    expect(added.status).toBe(202);
    const [invitation] = await smtp.waitFor(bruno);

    const { context, page, errors } = await newProfile(browser, BRUNO);
    try {
      await page.goto(linkIn(invitation!, `${server.url}/report-invitation#token=`));
      await page.getByRole('heading', { name: `Amina Diallo invites you to work on “Racial discrimination in housing” as reviewer` }).waitFor();
      expect(page.url()).toBe(server.url + '/report-invitation');
      await page.getByRole('button', { name: 'I’m new here' }).click();
      await page.getByLabel('Your name').fill(BRUNO.name);
      await page.getByLabel('E-mail address').fill(bruno);
      await page.getByLabel('Password', { exact: true }).fill(BRUNO.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();

      const confirm = (await smtp.waitFor(bruno, 2))[1]!;
      expect(confirm.subject).toBe('Confirm your new Rightsdraft account');
      await page.goto(linkIn(confirm, `${server.url}/confirm-account#token=`));
      await page.waitForURL(`${server.url}/reports/${report.id}`);
      // A reviewer reads the text and comments on it: the report opens read-only.
      await waitForSyncState(page, 'read-only');
      const members = await api<{ members: { email: string; role: string }[] }>(server.url, `/api/reports/${report.id}/members`, { as: amina });
      expect(members.body.members.find((m) => m.email === bruno)?.role).toBe('reviewer');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
