/**
 * Issue 11, password reset by mail in Chromium: for an account with end-to-end keys the reset page says, before
 * the person confirms, that without the recovery code their encrypted reports become unreadable; it refuses to go
 * on until they give the code or tick that they reset without it, refuses a wrong code, and with the right one
 * keeps the keys: signed in with the new password, the encrypted report opens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { issueResetToken } from '../../server/src/auth/PasswordReset.ts';
import type { TestServer } from '../helpers/server.ts';
import { witnessMarker } from '../helpers/sqliteFiles.ts';
import { heldKeys } from './deviceKeyProbe.ts';
import { AMINA, newProfile, openSignedIn, poll, typeAtEnd, useBrowserSuite, waitForEditorText, waitForSyncState, WAIT_MS } from './support.ts';

/** Where to save screenshots of the reset page (SCREENSHOT_DIR), for a person to look at. */
const SHOTS = process.env.SCREENSHOT_DIR ?? '';

async function unlockFirstTime(page: Page, password: string): Promise<string> {
  const panel = page.getByTestId('encryption-panel');
  for (let attempt = 0; ; attempt++) {
    await panel.getByLabel(/Your password/).fill(password);
    await panel.getByRole('button', { name: 'Unlock' }).click();
    const shown = await page.getByTestId('recovery-code').waitFor({ timeout: WAIT_MS }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 2 || (await panel.getByLabel(/Your password/).count()) === 0) throw new Error('the recovery code did not appear');
  }
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  await page.getByRole('button', { name: 'I have kept it' }).click();
  return code;
}

describe('Resetting the password of an account with encrypted reports', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('warns before confirming, and keeps the reports readable with the recovery code', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const phrase = witnessMarker();
    await amina.page.goto(server.url);
    await amina.page.getByRole('button', { name: 'New report' }).first().click();
    await amina.page.getByLabel('Title').fill(`Testimony ${witnessMarker()}`);
    await amina.page.getByLabel('Mechanism').selectOption('CERD');
    await amina.page.getByLabel(/A blank report/).check();
    await amina.page.getByLabel('End-to-end encrypted').check();
    await amina.page.getByRole('button', { name: 'Create report' }).click();
    await amina.page.waitForURL(/\/reports\//);
    const reportId = amina.page.url().split('/reports/')[1]!.split(/[?#]/)[0]!;
    const recoveryCode = await unlockFirstTime(amina.page, AMINA.password);
    await typeAtEnd(amina.page, `Statement ${phrase} recorded.`);
    await waitForSyncState(amina.page, 'synced');

    // She forgot her password; on another computer she opens the link from the mail.
    const token = (await issueResetToken(server.storage, amina.account.id))!;
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const other = suite.keep(await newProfile(browser, AMINA, viewport));
      await other.page.goto(`${server.url}/reset-password#token=${token}`);
      await other.page.getByTestId('reset-keys').waitFor({ timeout: WAIT_MS });
      if (SHOTS) await other.page.screenshot({ path: `${SHOTS}/reset-keys-${viewport.width}.png`, fullPage: true });
      if (viewport.width === 390) continue;
      const { page } = other;
      const notice = page.getByTestId('reset-keys');
      expect(await notice.innerText()).toContain('Without the recovery code, after this reset you can no longer read any end-to-end encrypted report');
      const newPassword = 'quiet meadow compass';
      await page.getByLabel('New password').fill(newPassword);
      // Neither a code nor the box ticked: it does not go on.
      await page.getByRole('button', { name: 'Save new password' }).click();
      await notice.getByText('Enter your recovery code, or tick this box').waitFor();
      // A wrong code is refused in the page, and the link still works.
      await notice.getByLabel(/Recovery code/).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await notice.getByText('This recovery code does not open your keys').waitFor({ timeout: WAIT_MS });
      await notice.getByLabel(/Recovery code/).fill(recoveryCode);
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { name: 'Your password is changed' }).waitFor({ timeout: WAIT_MS });

      // Signed in with the new password, the encrypted report opens: the keys were wrapped with it.
      await page.goto(`${server.url}/signin`);
      await page.getByLabel('E-mail address').fill(amina.account.email);
      await page.getByLabel('Password', { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
      // Signing in opens the keys with the password typed (Argon2id, in the page) and keeps them sealed here.
      await poll(async () => (await heldKeys(page)).sealedAccounts).toBe(1);
      await page.goto(`${server.url}/reports/${reportId}`);
      await waitForEditorText(page, phrase);
      expect(other.errors).toEqual([]);
    }
  }, 300_000);
});
