/**
 * Steps the browser tests of end-to-end encrypted reports share (issue 11): making one in the New report dialog,
 * opening the account's keys in the encryption panel, and reading a profile's device secrets the way a modified
 * client of that person could (to forge messages signed by them).
 */
import type { Page } from 'playwright-core';
import { WAIT_MS } from './support.ts';

/** Type the password into the report's encryption panel the first time: it makes the keys and shows the recovery code. */
export async function unlock(page: Page, password: string): Promise<string> {
  const panel = page.getByTestId('encryption-panel');
  const code = page.getByTestId('recovery-code');
  // The report may still be settling when the form first shows (its session starts once the page knows the
  // account), which can replace the form: type again if the code has not come and the form is still asking.
  for (let attempt = 0; ; attempt++) {
    await panel.getByLabel(/Your password/).fill(password);
    await panel.getByRole('button', { name: 'Unlock' }).click();
    // Argon2id runs in the page: on a loaded machine it takes a while.
    const shown = await code.waitFor({ timeout: WAIT_MS }).then(
      () => true,
      () => false,
    );
    if (shown) break;
    if (attempt === 2 || (await panel.getByLabel(/Your password/).count()) === 0) throw new Error('the recovery code did not appear');
  }
  const text = await code.innerText();
  await page.getByRole('button', { name: 'I have kept it' }).click();
  return text.trim();
}

/** Make a blank encrypted report in the New report dialog; resolves with its id once the encryption panel shows. */
export async function createEncryptedReport(page: Page, baseUrl: string, title: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'New report' }).first().click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Mechanism').selectOption('CERD');
  await page.getByLabel(/A blank report/).check();
  await page.getByLabel('End-to-end encrypted').check();
  await page.getByRole('button', { name: 'Create report' }).click();
  await page.waitForURL(/\/reports\//);
  await page.getByTestId('encryption-panel').getByText('End-to-end encrypted.').waitFor();
  return page.url().split('/reports/')[1]!.split(/[?#]/)[0]!;
}

/**
 * The account's two 32-byte secrets as this profile holds them (client/src/e2ee/deviceKeys.ts): the sealing key is
 * not extractable, but a script of the page may still use it, as a modified client could.
 */
export async function deviceSecrets(page: Page, accountId: string): Promise<{ boxSecret: Uint8Array; signSecret: Uint8Array }> {
  const bytes = await page.evaluate(
    (id) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('rightsdraft-device-keys');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('keys', 'readonly').objectStore('keys');
          const wrapping = store.get('wrapping');
          const sealed = store.get(`account:${id}`);
          sealed.onsuccess = async () => {
            open.result.close();
            const { iv, data } = sealed.result as { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
            const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(id) }, wrapping.result as CryptoKey, data);
            resolve([...new Uint8Array(plain)]);
          };
        };
      }),
    accountId,
  );
  return { boxSecret: Uint8Array.from(bytes.slice(0, 32)), signSecret: Uint8Array.from(bytes.slice(32)) };
}
