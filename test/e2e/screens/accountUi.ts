/**
 * Screenshots of signing out on a shared device, the account settings and the administration page, at a desktop
 * and a phone size, for looking at them (not a test): `npx vite build && node --import tsx test/e2e/screens/accountUi.ts [outDir]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { api, createReport, signUp, type TestUser } from '../../helpers/clients.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { AMINA, BRUNO, CLIENT_DIR, addSession, assertClientBuilt, launchBrowser, newProfile, typeAtEnd, waitForSyncState } from '../support.ts';

const outDir = path.resolve(process.argv[2] ?? '/tmp/rightsdraft-screens');
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

async function main(): Promise<void> {
  assertClientBuilt();
  fs.mkdirSync(outDir, { recursive: true });
  const storage = await createTestStorage('sqlite');
  const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
  const browser = await launchBrowser();
  try {
    const amina = await signUp(server.url, { name: AMINA.name, email: 'amina@roma-rights.example', password: AMINA.password });
    const bruno = await signUp(server.url, { name: BRUNO.name, email: 'bruno@legal-aid.example', password: BRUNO.password });
    await signUp(server.url, { name: 'Chen Wei', email: 'chen@housing-justice.example', password: 'lantern orchard kettle' });
    const off = await signUp(server.url, { name: 'Dana Petrova', email: 'dana@stateless.example', password: 'pebble violin harbour' });
    await api(server.url, `/api/admin/users/${off.id}`, { method: 'PATCH', as: amina, body: { disabled: true } });
    await api(server.url, '/api/auth/tokens', { as: amina, body: { name: 'Word count script', expiresInDays: 30 } });
    const report = await createReport(server.url, amina, { title: 'Racial discrimination in housing', mechanism: 'CERD' });

    for (const [size, viewport] of Object.entries(SIZES)) {
      const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: path.join(outDir, `${name}-${size}.png`), fullPage });

      // The sign-in page, with the shared-device choice.
      const anon = (await newProfile(browser, undefined, viewport)).page;
      await anon.goto(`${server.url}/signin`);
      await anon.getByLabel('This is a shared device').check();
      await shot(anon, 'acc-01-sign-in-shared');
      await anon.context().close();

      // Amina on a second device, so the sessions list has two.
      await (await profile(browser, server.url, amina, SIZES.phone)).context().close();
      const page = await profile(browser, server.url, amina, viewport);
      await page.goto(`${server.url}/`);
      await page.getByTestId('account-menu').click();
      await page.getByLabel('This is a shared device').waitFor();
      await shot(page, 'acc-02-account-menu');
      await page.keyboard.press('Escape');

      // A report with changes that have not reached the server, then signing out.
      await page.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(page, 'synced');
      if (size === 'desktop') {
        await page.getByRole('button', { name: 'Add section' }).click();
        await page.getByLabel('Section title').fill('Evictions');
        await page.keyboard.press('Enter');
      }
      await page.context().setOffline(true);
      await waitForSyncState(page, 'offline');
      await typeAtEnd(page, 'Evictions of Roma families doubled between 2021 and 2024.');
      await page.waitForTimeout(500);
      await page.getByTestId('account-menu').click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByTestId('unsent-warning').waitFor();
      await page.getByLabel('Remove this device’s copies of your reports').check();
      await shot(page, 'acc-03-sign-out-unsent');
      await page.getByRole('button', { name: 'Stay signed in and sync first' }).click();
      await page.context().setOffline(false);
      await waitForSyncState(page, 'synced');
      await page.getByTestId('account-menu').click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('dialog', { name: 'Sign out' }).getByRole('button', { name: 'Cancel' }).waitFor();
      await shot(page, 'acc-04-sign-out');
      await page.getByRole('dialog', { name: 'Sign out' }).getByRole('button', { name: 'Cancel' }).click();

      // Account settings.
      await page.goto(`${server.url}/account`);
      await page.getByTestId('session-row').first().waitFor();
      await page.getByTestId('token-row').first().waitFor();
      await shot(page, 'acc-05-account', true);
      await page.getByLabel('Current password').fill('wrong password here');
      await page.getByLabel('New password').fill('short');
      await page.getByRole('button', { name: 'Change password' }).click();
      await shot(page, 'acc-06-password-errors');
      await page.getByLabel('Name', { exact: true }).fill('Export robot');
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByTestId('new-token').waitFor();
      await page.getByTestId('new-token').scrollIntoViewIfNeeded();
      await shot(page, 'acc-07-token-created');
      await page.getByRole('button', { name: 'Delete your account…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
      await dialog.getByLabel('Your password').fill(AMINA.password);
      await dialog.getByRole('button', { name: 'Delete my account' }).click();
      await dialog.getByTestId('delete-blocked').waitFor();
      await shot(page, 'acc-08-delete-blocked');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
      await shot(page, 'acc-09-sign-out-everywhere');
      await page.keyboard.press('Escape');

      // Administration.
      await page.goto(`${server.url}/admin`);
      await page.getByTestId('user-row').first().waitFor();
      await page.waitForTimeout(300);
      await shot(page, 'acc-10-admin', true);
      await page.getByTestId('user-row').filter({ hasText: 'bruno@' }).getByRole('button', { name: /Turn off/ }).click();
      await shot(page, 'acc-11-admin-turn-off');
      await page.keyboard.press('Escape');
      await page.context().close();

      // A person who is not an administrator.
      const b = await profile(browser, server.url, bruno, viewport);
      await b.goto(`${server.url}/admin`);
      await b.getByRole('heading', { name: 'For administrators only' }).waitFor();
      await shot(b, 'acc-12-admin-not-admin');
      await b.context().close();
    }
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await server.close();
    await storage.destroy();
  }
}

async function profile(browser: Browser, baseUrl: string, user: TestUser, viewport: { width: number; height: number }): Promise<Page> {
  const color = user.name === AMINA.name ? AMINA.color : BRUNO.color;
  const p = await newProfile(browser, { color }, viewport);
  const res = await api(baseUrl, '/api/auth/login', { body: { email: user.email, password: user.password } });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  await addSession(p.context, baseUrl, { ...user, cookie });
  p.page.on('pageerror', (err) => console.error(`page error (${user.name}):`, err.message));
  return p.page;
}

await main();
