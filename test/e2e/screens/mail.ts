/**
 * Screenshots of the pages mail leads to, at a laptop and a phone size, for looking at them (not a test):
 * `npx vite build && node --import tsx test/e2e/screens/mail.ts [outDir]`. A real SMTP server receives the
 * reset mail whose link the reset page is opened with.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { api, createReport } from '../../helpers/clients.ts';
import { freePort } from '../../helpers/freePort.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { linkIn, startTestSmtp } from '../../helpers/smtp.ts';
import { AMINA, CLIENT_DIR, assertClientBuilt, launchBrowser, newProfile } from '../support.ts';

const outDir = path.resolve(process.argv[2] ?? '/tmp/rightsdraft-screens');
const SIZES = { laptop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function main(): Promise<void> {
  assertClientBuilt();
  fs.mkdirSync(outDir, { recursive: true });
  const smtp = await startTestSmtp();
  const storage = await createTestStorage('sqlite');
  const port = await freePort();
  const server = await startTestServer(storage, {
    port,
    staticDir: CLIENT_DIR,
    smtpUrl: smtp.url,
    mailFrom: 'Rightsdraft <drafts@example.org>',
    publicUrl: `http://127.0.0.1:${port}`,
    registration: 'open',
  });
  const browser = await launchBrowser();
  try {
    const { token: aminaSession } = await server.auth.signup({ name: AMINA.name, email: AMINA.email, password: AMINA.password }, { first: true, claim: null });
    const amina = { id: '', email: AMINA.email, name: AMINA.name, password: AMINA.password, cookie: `rd_session=${aminaSession}` };
    const report = await createReport(server.url, amina, { title: 'Racial discrimination in housing' });
    for (const [size, viewport] of Object.entries(SIZES)) {
      const shot = (page: Page, name: string) => page.screenshot({ path: path.join(outDir, `mail-${name}-${size}.png`), fullPage: false });
      const { page, context } = await newProfile(browser, AMINA, viewport);
      await page.goto(`${server.url}/signin`);
      await page.getByRole('link', { name: 'Forgot your password?' }).waitFor();
      await shot(page, '01-sign-in-with-forgot-link');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await shot(page, '02-forgot-password');
      await page.getByLabel('E-mail address').fill(AMINA.email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      await shot(page, '03-check-your-email');
      const mails = await smtp.waitFor(AMINA.email, size === 'laptop' ? 1 : 2);
      await page.goto(linkIn(mails[mails.length - 1]!, `${server.url}/reset-password#`));
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await shot(page, '04-reset-password');
      await page.getByLabel('New password').fill('short');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByText(/Choose a password of at least/).waitFor();
      await shot(page, '05-reset-password-error');
      await page.goto(`${server.url}/signup`);
      await page.getByLabel('Your name').fill('Bruno Costa');
      await page.getByLabel('E-mail address').fill(`bruno-${size}@legal-aid.example`);
      await page.getByLabel('Password', { exact: true }).fill('harbour pebble violin');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      await shot(page, '06-sign-up-check-your-email');
      const invitee = `chen-${size}@housing-justice.example`;
      await api(server.url, `/api/reports/${report.id}/members`, { as: amina, body: { email: invitee, role: 'editor' } });
      const [invitation] = await smtp.waitFor(invitee);
      await page.goto(linkIn(invitation!, `${server.url}/report-invitation#`));
      await page.getByRole('heading', { name: /invites you to work on/ }).waitFor();
      await shot(page, '07-report-invitation');
      await context.close();
    }
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await server.close();
    await smtp.close();
    await storage.destroy();
  }
}

await main();
