/**
 * Forgot password, in the browser, with mail: the sign-in page's link, the form, the mail read from a real SMTP
 * server, the reset page it links to, and a sign-in with the new password (the old one no longer works).
 */
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/clients.ts';
import { linkIn } from '../helpers/smtp.ts';
import { AMINA, newProfile } from './support.ts';
import { useMailSuite } from './mailSupport.ts';

describe('Forgot password', () => {
  const suite = useMailSuite();

  it('goes from the sign-in page to the mail to a new password that signs in', async () => {
    const { context, page, errors } = await newProfile(suite.browser, AMINA);
    try {
      await page.goto(suite.server.url + '/signin');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.waitForURL(suite.server.url + '/forgot-password');
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      // The form checks the address before sending anything.
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByText('Enter your e-mail address.').waitFor();
      await page.getByLabel('E-mail address').fill(suite.amina.email);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
      await page.getByText(`If an account uses ${suite.amina.email}, we have sent it a link`).waitFor();

      const [mail] = await suite.smtp.waitFor(suite.amina.email);
      const link = linkIn(mail!, `${suite.server.url}/reset-password#token=`);
      await page.goto(link);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      // The token leaves the address bar once read.
      expect(page.url()).toBe(suite.server.url + '/reset-password');
      await page.getByLabel('New password').fill('short');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByText(/Choose a password of at least 10 characters/).waitFor();
      await page.getByLabel('New password').fill('window meadow copper');
      await page.getByRole('button', { name: 'Save new password' }).click();
      await page.getByRole('heading', { name: 'Your password is changed' }).waitFor();

      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL(/\/signin/);
      await page.getByLabel('E-mail address').fill(suite.amina.email);
      await page.getByLabel('Password', { exact: true }).fill('window meadow copper');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(suite.server.url + '/');
      await page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

      // The old password is refused, the old session has ended, and the link works only once.
      expect((await api(suite.server.url, '/api/auth/login', { body: { email: suite.amina.email, password: AMINA.password } })).status).toBe(401);
      expect((await api(suite.server.url, '/api/auth/me', { as: suite.amina })).status).toBe(401);
      // The page asks at once whether the account has encrypted reports (ResetKeysChoice), so it says so on opening.
      await page.goto(link);
      await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
