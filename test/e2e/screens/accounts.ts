/**
 * Screenshots of the account, coalition and role screens at a desktop and a phone size, for looking at them
 * (not a test): `npx vite build && node --import tsx test/e2e/screens/accounts.ts [outDir]`.
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
    const chen = await signUp(server.url, { name: 'Chen Wei', email: 'chen@housing-justice.example', password: 'lantern orchard kettle' });
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', {
      as: amina,
      body: { name: 'Freedonia Coalition for Racial Justice', organisations: ['Roma Rights Centre', 'Migrants Legal Aid', 'Housing Justice Network'] },
    });
    const invite = async (role: string, hours?: number) =>
      (await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as: amina, body: { role, expiresInHours: hours } })).body.token;
    for (const [user, role] of [[bruno, 'reviewer'], [chen, 'editor']] as const) {
      await api(server.url, `/api/invitations/${await invite(role)}/accept`, { as: user, method: 'POST' });
    }
    const report = await createReport(server.url, amina, { title: 'Racial discrimination in housing', mechanism: 'CERD', coalitionId: coalition.body.id });
    await createReport(server.url, amina, { title: 'Women human rights defenders', mechanism: 'CEDAW', stateUnderReview: 'Sylvania' });
    const shared = await createReport(server.url, chen, { title: 'Statelessness of Roma children', mechanism: 'CRC' });
    await api(server.url, `/api/reports/${shared.id}/members`, { as: chen, body: { email: bruno.email, role: 'viewer' } });
    const openToken = await invite('reviewer');
    const expiredToken = await invite('viewer', 0.0002);
    const usedToken = await invite('editor');
    await api(server.url, `/api/invitations/${usedToken}/accept`, { as: chen, method: 'POST' });
    await new Promise((r) => setTimeout(r, 1000));

    // Amina writes a section, so readers have text to look at.
    const seed = await profile(browser, server.url, amina, SIZES.desktop);
    await seed.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(seed, 'synced');
    await seed.getByRole('button', { name: 'Add section' }).click();
    await seed.getByLabel('Section title').fill('Evictions');
    await seed.keyboard.press('Enter');
    await typeAtEnd(seed, 'Evictions of Roma families doubled between 2021 and 2024; most were never rehoused.');
    await seed.waitForTimeout(500);
    await seed.context().close();

    for (const [size, viewport] of Object.entries(SIZES)) {
      const shot = (page: Page, name: string) => page.screenshot({ path: path.join(outDir, `${name}-${size}.png`), fullPage: false });
      const anon = (await newProfile(browser, undefined, viewport)).page;
      await anon.route('**/api/auth/first-run', (route) => route.fulfill({ json: { firstRun: true } }));
      await anon.goto(`${server.url}/signup`);
      await anon.getByRole('heading', { name: /first account/ }).waitFor();
      await shot(anon, '01-first-run');
      await anon.unroute('**/api/auth/first-run');
      await anon.goto(`${server.url}/signin`);
      await anon.getByRole('button', { name: 'Sign in' }).click();
      await anon.getByText('Enter your e-mail address.').waitFor();
      await shot(anon, '02-sign-in-errors');
      await anon.goto(`${server.url}/signup`);
      await anon.getByRole('heading', { name: 'Create your account' }).waitFor();
      await shot(anon, '03-sign-up');
      await anon.goto(`${server.url}/invite/${openToken}`);
      await anon.getByRole('heading', { name: /invites you/ }).waitFor();
      await shot(anon, '04-invitation');
      await anon.goto(`${server.url}/invite/${expiredToken}`);
      await anon.getByRole('heading', { name: 'This invitation has expired' }).waitFor();
      await shot(anon, '05-invitation-expired');
      await anon.goto(`${server.url}/invite/${usedToken}`);
      await anon.getByRole('heading', { name: /used already/ }).waitFor();
      await shot(anon, '06-invitation-used');
      await anon.context().close();

      const a = await profile(browser, server.url, amina, viewport);
      await a.goto(server.url + '/');
      await a.getByTestId('report-card').first().waitFor();
      await a.waitForTimeout(300);
      await shot(a, '07-report-list');
      await a.getByTestId('account-menu').click();
      await shot(a, '08-account-menu');
      await a.keyboard.press('Escape');
      await a.getByRole('button', { name: 'New report' }).first().click();
      await a.getByLabel('Freedonia Coalition for Racial Justice').waitFor();
      await shot(a, '09-new-report');
      await a.keyboard.press('Escape');
      await a.goto(`${server.url}/coalitions`);
      await a.getByTestId('coalition-card').first().waitFor();
      await shot(a, '10-coalitions');
      await a.getByRole('button', { name: 'New coalition' }).first().click();
      await a.getByLabel('Organisation 1', { exact: true }).fill('Roma Rights Centre');
      await a.getByRole('button', { name: 'Add an organisation' }).click();
      await a.getByLabel('Organisation 2', { exact: true }).fill('Migrants Legal Aid');
      await shot(a, '11-new-coalition');
      await a.keyboard.press('Escape');
      await a.goto(`${server.url}/coalitions/${coalition.body.id}`);
      await a.getByTestId('member').first().waitFor();
      await shot(a, '12-coalition-manager');
      await a.getByRole('button', { name: 'Create invitation link' }).click();
      await a.getByTestId('invitation').waitFor();
      await a.getByTestId('invitation').scrollIntoViewIfNeeded();
      await shot(a, '13-invitation-link');
      await a.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(a, 'synced');
      await a.getByRole('button', { name: 'Share' }).click();
      await a.getByTestId('report-member').first().waitFor();
      await shot(a, '14-share-owner');
      await a.getByRole('button', { name: 'Delete report…' }).click();
      await shot(a, '15-delete-confirm');
      await a.getByRole('button', { name: 'Cancel' }).click();

      const b = await profile(browser, server.url, bruno, viewport);
      await b.goto(`${server.url}/coalitions/${coalition.body.id}`);
      await b.getByTestId('member').first().waitFor();
      await shot(b, '16-coalition-member');
      await b.goto(`${server.url}/`);
      await b.getByTestId('report-card').first().waitFor();
      await b.waitForTimeout(300);
      await shot(b, '17-report-list-reader');
      await b.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(b, 'read-only');
      await a.locator('.report-header [data-testid="peer-dots"]').waitFor();
      await shot(b, '18-report-reviewer');
      await a.locator('.report-header [data-testid="peer-dots"]').click();
      await shot(a, '19-people-here');
      await b.getByRole('button', { name: 'People', exact: true }).click();
      await b.getByTestId('report-member').first().waitFor();
      await shot(b, '20-people-reader');
      await b.keyboard.press('Escape');

      // Signed out elsewhere: the session ended here.
      await api(server.url, '/api/auth/logout', { as: { ...bruno, cookie: await cookieOf(b) }, method: 'POST' });
      await waitForSyncState(b, 'signed-out');
      await shot(b, '21-session-ended');
      await b.getByRole('button', { name: 'Sign in' }).first().click();
      await shot(b, '22-sign-in-again');
      await b.context().close();
      await a.context().close();
    }

    // A role lowered while offline: the server's text, and the changes kept on the device.
    const c = await profile(browser, server.url, chen, SIZES.desktop);
    await c.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(c, 'synced');
    await c.context().setOffline(true);
    await waitForSyncState(c, 'offline');
    await typeAtEnd(c, ' Written offline.');
    await api(server.url, `/api/reports/${report.id}/members`, { as: amina, body: { email: chen.email, role: 'viewer' } });
    await c.context().setOffline(false);
    await c.getByTestId('banner-unsendable').waitFor();
    await waitForSyncState(c, 'read-only');
    await c.screenshot({ path: path.join(outDir, '23-unsendable-desktop.png') });
    await c.setViewportSize(SIZES.phone);
    await c.waitForTimeout(400); // the outline drawer slides out of view
    await c.screenshot({ path: path.join(outDir, '23-unsendable-phone.png') });

    // Deleted while open.
    const d = await profile(browser, server.url, bruno, SIZES.desktop);
    await d.goto(`${server.url}/reports/${shared.id}`);
    await waitForSyncState(d, 'read-only');
    await api(server.url, `/api/reports/${shared.id}`, { as: chen, method: 'DELETE' });
    await d.getByTestId('banner-deleted').waitFor();
    await d.screenshot({ path: path.join(outDir, '24-deleted-desktop.png') });
    await d.setViewportSize(SIZES.phone);
    await d.waitForTimeout(400);
    await d.screenshot({ path: path.join(outDir, '24-deleted-phone.png') });
    console.log(`screenshots in ${outDir}`);
  } finally {
    await browser.close();
    await server.close();
    await storage.destroy();
  }
}

async function profile(browser: Browser, baseUrl: string, user: TestUser, viewport: { width: number; height: number }): Promise<Page> {
  const color = user.name === AMINA.name ? AMINA.color : user.name === BRUNO.name ? BRUNO.color : '#0f7a55';
  const p = await newProfile(browser, { color }, viewport);
  // Each profile signs in for itself: a session of its own, as two devices would have.
  const res = await api(baseUrl, '/api/auth/login', { body: { email: user.email, password: user.password } });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  await addSession(p.context, baseUrl, { ...user, cookie });
  p.page.on('pageerror', (err) => console.error(`page error (${user.name}):`, err.message));
  return p.page;
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

await main();
