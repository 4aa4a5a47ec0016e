/**
 * The Administration page's Sign-up section against the registration API (branch `signin`): an administrator
 * closes sign-up, and a one-person invitation link made on the page lets a newcomer create an account.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { addSession, fillSignUp, newProfile, poll, uniqueEmail, useBrowserSuite } from './support.ts';

describe('Administration: who may sign up', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  beforeAll(async () => {
    ({ server, browser } = suite);
    admin = await signUp(server.url, { name: 'Ines Admin', email: uniqueEmail('ines@ngo.example'), password: 'lantern kettle orchard' });
  });

  it('closes sign-up, and an invitation link made on the page still lets one newcomer in', async () => {
    const adminBrowser = suite.keep(await newProfile(browser, { color: '#1f5fa8' }));
    await addSession(adminBrowser.context, server.url, admin);
    const { page } = adminBrowser;
    await page.goto(server.url + '/admin');
    const signup = page.getByRole('region', { name: 'Sign-up' });
    await signup.getByRole('radio', { name: /Anyone can sign up/ }).waitFor();
    expect(await signup.getByRole('radio', { name: /Anyone can sign up/ }).isChecked()).toBe(true);

    await signup.getByRole('radio', { name: /Closed/ }).check();
    await poll(() => page.getByTestId('toast').innerText()).toContain('Sign-up: Closed.');
    expect((await api<{ registration: string }>(server.url, '/api/admin/settings', { as: admin })).body.registration).toBe('closed');
    // A stranger without a link is refused.
    const stranger = await api(server.url, '/api/auth/signup', { body: { name: 'Stranger', email: uniqueEmail('x@y.example'), password: 'pebble harbour violin' } });
    expect(stranger.status).toBe(403);

    await signup.getByRole('button', { name: 'Create an invitation link' }).click();
    const link = await page.getByTestId('signup-invitation').getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/signup\?invitation=/);
    await poll(() => page.getByTestId('toast').innerText()).toContain('Invitation link created');

    const newcomer = suite.keep(await newProfile(browser, { color: '#0f7a55' }));
    await newcomer.page.goto(link);
    await fillSignUp(newcomer.page, { name: 'Farah Haddad', email: uniqueEmail('farah@refugees.example'), password: 'orchard violin kettle', color: '#0f7a55' });
    await newcomer.page.getByRole('button', { name: /Create/ }).click();
    await newcomer.page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

    await signup.getByRole('radio', { name: /Anyone can sign up/ }).check();
    await poll(() => page.getByTestId('toast').innerText()).toContain('Sign-up: Anyone can sign up.');
    expect(adminBrowser.errors).toEqual([]);
    expect(newcomer.errors).toEqual([]);
  }, 120_000);
});
