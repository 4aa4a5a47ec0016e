/**
 * Issue 9's account screens in Chromium: a new password signs the other browser out, a session ended from the
 * list is signed out, an access token is shown once and revoked, deleting an account that still owns a report is
 * refused with the server's reason, an administrator turns an account off and on, and "Download your data" saves
 * the account's JSON file.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { addSession, AMINA, BRUNO, newProfile, poll, uniqueEmail, useBrowserSuite, type UserPage } from './support.ts';

/** A browser signed in with a session of its own (a separate sign-in, not a copy of another browser's cookie). */
async function signedInBrowser(browser: Browser, baseUrl: string, user: TestUser, color: string): Promise<UserPage> {
  const res = await api(baseUrl, '/api/auth/login', { body: { email: user.email, password: user.password } });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const profile = await newProfile(browser, { color });
  await addSession(profile.context, baseUrl, { ...user, cookie });
  return profile;
}

function toast(page: Page) {
  return page.getByTestId('toast');
}

/** The browser finds out its session ended when it next asks the server (here: opening a page). */
async function expectSignedOut(page: Page, baseUrl: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByTestId('session-ended').waitFor();
}

describe('Account settings and administration', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  beforeAll(async () => {
    ({ server, browser } = suite);
    // The first account of a server administers it.
    admin = await signUp(server.url, { name: 'Ines Admin', email: uniqueEmail('ines@ngo.example'), password: 'lantern kettle orchard' });
  });

  it('changes the password, and the other browser signed in to the account is signed out', async () => {
    const amina = await signUp(server.url, { name: AMINA.name, email: uniqueEmail(AMINA.email), password: AMINA.password });
    const laptop = suite.keep(await signedInBrowser(browser, server.url, amina, AMINA.color));
    const phone = suite.keep(await signedInBrowser(browser, server.url, amina, AMINA.color));
    await phone.page.goto(server.url + '/');
    await phone.page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

    const { page } = laptop;
    await page.goto(server.url + '/');
    await page.getByTestId('account-menu').click();
    await page.getByRole('link', { name: 'Account settings' }).click();
    await page.getByRole('heading', { name: 'Account settings' }).waitFor();
    // The laptop, the phone, and the session the sign-up opened.
    await poll(() => page.getByTestId('session-row').count()).toBe(3);

    // A wrong current password is said beside the field.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('violin harbour pebble');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('That is not your current password.').waitFor();

    await page.getByLabel('Current password').fill(AMINA.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await poll(() => toast(page).innerText()).toContain('Password changed. You were signed out everywhere else.');
    await poll(() => page.getByTestId('session-row').count()).toBe(1);
    expect(await page.getByTestId('session-row').innerText()).toContain('This browser');

    await expectSignedOut(phone.page, server.url);
    const login = await api(server.url, '/api/auth/login', { body: { email: amina.email, password: 'violin harbour pebble' } });
    expect(login.status).toBe(200);
    expect(laptop.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 120_000);

  it('signs out one session from the list, and everywhere else at once', async () => {
    const bruno = await signUp(server.url, { name: BRUNO.name, email: uniqueEmail(BRUNO.email), password: BRUNO.password });
    const desk = suite.keep(await signedInBrowser(browser, server.url, bruno, BRUNO.color));
    const library = suite.keep(await signedInBrowser(browser, server.url, bruno, BRUNO.color));
    const cafe = suite.keep(await signedInBrowser(browser, server.url, bruno, BRUNO.color));
    for (const other of [library, cafe]) await other.page.goto(server.url + '/');

    const { page } = desk;
    await page.goto(server.url + '/account');
    // Three browsers, and the session the sign-up opened.
    await poll(() => page.getByTestId('session-row').count()).toBe(4);
    const others = page.getByTestId('session-row').filter({ hasNotText: 'This browser' });
    await others.first().getByRole('button', { name: /^Sign out / }).click();
    await page.getByRole('dialog', { name: 'Sign out this session?' }).getByRole('button', { name: 'Sign out' }).click();
    await poll(() => toast(page).innerText()).toMatch(/^Signed out: /);
    await poll(() => page.getByTestId('session-row').count()).toBe(3);

    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('dialog', { name: 'Sign out everywhere else?' }).getByRole('button', { name: 'Sign out everywhere else' }).click();
    await poll(() => toast(page).innerText()).toContain('You are signed out everywhere else.');
    await poll(() => page.getByTestId('session-row').count()).toBe(1);

    await expectSignedOut(library.page, server.url);
    await expectSignedOut(cafe.page, server.url);
    // This browser is still signed in.
    await page.goto(server.url + '/');
    await page.getByRole('heading', { name: 'Shadow reports' }).waitFor();
    expect(await page.getByTestId('session-ended').count()).toBe(0);
    expect(desk.errors).toEqual([]);
  }, 120_000);

  it('shows a new access token once, lists it with its expiry, and revokes it', async () => {
    const chen = await signUp(server.url, { name: 'Chen Wei', email: uniqueEmail('chen@housing.example'), password: 'orchard lantern kettle' });
    const user = suite.keep(await signedInBrowser(browser, server.url, chen, '#0f7a55'));
    const { page } = user;
    await page.goto(server.url + '/account');
    await page.getByText('You have no access tokens.').waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText(/Name the token after the tool/).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Word count script');
    await page.getByLabel('Expires after').selectOption('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('new-token').getByLabel('New access token').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    // The token works, until it is revoked.
    expect((await api(server.url, '/api/reports', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    const row = page.getByTestId('token-row').filter({ hasText: 'Word count script' });
    expect(await row.innerText()).toMatch(/expires/);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByTestId('new-token').count()).toBe(0);

    await row.getByRole('button', { name: 'Revoke Word count script' }).click();
    await page.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke' }).click();
    await poll(() => toast(page).innerText()).toContain('revoked');
    await page.getByText('You have no access tokens.').waitFor();
    expect((await api(server.url, '/api/reports', { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('refuses to delete an account that is the only owner of a report, saying why, and deletes it once that is settled', async () => {
    const dana = await signUp(server.url, { name: 'Dana Petrova', email: uniqueEmail('dana@rights.example'), password: 'pebble violin harbour' });
    const report = await createReport(server.url, dana, { title: 'Stateless children', mechanism: 'CRC' });
    const user = suite.keep(await signedInBrowser(browser, server.url, dana, '#5b4bb7'));
    const { page } = user;
    await page.goto(server.url + '/account');
    await page.getByRole('button', { name: 'Delete your account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByLabel('Your password').fill('pebble violin harbour');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByTestId('delete-blocked').waitFor();
    expect(await dialog.getByTestId('delete-blocked').innerText()).toContain('You are the only owner of 1 report.');

    expect((await api(server.url, `/api/reports/${report.id}`, { method: 'DELETE', as: dana })).status).toBe(200);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(/\/signin/);
    await poll(() => toast(page).innerText()).toContain('Your account was deleted');
    expect((await api(server.url, '/api/auth/login', { body: { email: dana.email, password: 'pebble violin harbour' } })).status).not.toBe(200);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('lets an administrator turn an account off, which signs its person out, and on again', async () => {
    const eli = await signUp(server.url, { name: 'Eli Moreno', email: uniqueEmail('eli@defenders.example'), password: 'kettle pebble lantern' });
    const eliBrowser = suite.keep(await signedInBrowser(browser, server.url, eli, '#b4441b'));
    await eliBrowser.page.goto(server.url + '/');
    await eliBrowser.page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

    const adminBrowser = suite.keep(await signedInBrowser(browser, server.url, admin, '#1f5fa8'));
    const { page } = adminBrowser;
    await page.goto(server.url + '/');
    await page.getByTestId('account-menu').click();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    const row = page.getByTestId('user-row').filter({ hasText: eli.email });
    await row.getByRole('button', { name: 'Turn off Eli Moreno’s account' }).click();
    await page.getByRole('dialog', { name: 'Turn this account off?' }).getByRole('button', { name: 'Turn off' }).click();
    await poll(() => toast(page).innerText()).toContain('Eli Moreno’s account is turned off');
    await row.getByText('Turned off').waitFor();

    await expectSignedOut(eliBrowser.page, server.url);
    expect((await api(server.url, '/api/auth/login', { body: { email: eli.email, password: eli.password } })).status).not.toBe(200);

    await row.getByRole('button', { name: 'Turn on Eli Moreno’s account' }).click();
    await page.getByRole('dialog', { name: 'Turn this account on again?' }).getByRole('button', { name: 'Turn on' }).click();
    await poll(() => toast(page).innerText()).toContain('Eli Moreno can sign in again.');
    expect((await api(server.url, '/api/auth/login', { body: { email: eli.email, password: eli.password } })).status).toBe(200);
    // Only administrators see the page.
    // Eli signs in again from the notice that the session ended; the Administration page is not for him.
    const eliPage = eliBrowser.page;
    await eliPage.getByTestId('session-ended').getByRole('button', { name: 'Sign in' }).click();
    await eliPage.getByRole('dialog').getByLabel('Password', { exact: true }).fill(eli.password);
    await eliPage.getByRole('dialog').getByRole('button', { name: 'Sign in' }).click();
    await poll(() => eliPage.getByTestId('session-ended').count()).toBe(0);
    await eliPage.goto(server.url + '/admin');
    await eliPage.getByRole('heading', { name: 'For administrators only' }).waitFor();
    expect(adminBrowser.errors).toEqual([]);
  }, 120_000);
  it('downloads a copy of the account’s data as a JSON file', async () => {
    const gil = await signUp(server.url, { name: 'Gil Santos', email: uniqueEmail('gil@rights.example'), password: 'harbour lantern pebble' });
    const user = suite.keep(await signedInBrowser(browser, server.url, gil, '#006f86'));
    const { page } = user;
    await page.goto(server.url + '/account');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rightsdraft-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { account: { email: string; name: string } };
    expect(data.account).toMatchObject({ email: gil.email, name: 'Gil Santos' });
    await poll(() => page.getByTestId('toast').innerText()).toContain('Your data was saved as');
    expect(user.errors).toEqual([]);
  }, 120_000);
});
