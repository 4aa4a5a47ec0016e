/**
 * An invitation to a report mailed to someone without an account, in the browser: the link from the mail, the
 * sign-up on the invitation page, the confirmation mail, and the report open with the role it carried.
 */
import { describe, expect, it } from 'vitest';
import { api, createReport } from '../helpers/clients.ts';
import { linkIn } from '../helpers/smtp.ts';
import { AMINA, BRUNO, newProfile, uniqueEmail, waitForSyncState } from './support.ts';
import { useMailSuite } from './mailSupport.ts';

describe('An invitation to a report by mail', () => {
  // Sign-up by invitation only (the product's default): the mailed invitation is what lets the newcomer in.
  const suite = useMailSuite({ registration: 'invite' });

  it('goes from the mail to a new account, confirmed by mail, with the report open as reviewer', async () => {
    const report = await createReport(suite.server.url, suite.amina, { title: 'Racial discrimination in housing' });
    const bruno = uniqueEmail(BRUNO.email);
    const added = await api(suite.server.url, `/api/reports/${report.id}/members`, { as: suite.amina, body: { email: bruno, role: 'reviewer' } });
    expect(added.status).toBe(202);
    const [invitation] = await suite.smtp.waitFor(bruno);

    const { context, page, errors } = await newProfile(suite.browser, BRUNO);
    try {
      await page.goto(linkIn(invitation!, `${suite.server.url}/report-invitation#token=`));
      await page.getByRole('heading', { name: `Amina Diallo invites you to work on “Racial discrimination in housing” as reviewer` }).waitFor();
      expect(page.url()).toBe(suite.server.url + '/report-invitation');
      await page.getByRole('button', { name: 'I’m new here' }).click();
      await page.getByLabel('Your name').fill(BRUNO.name);
      await page.getByLabel('E-mail address').fill(bruno);
      await page.getByLabel('Password', { exact: true }).fill(BRUNO.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();

      const confirm = (await suite.smtp.waitFor(bruno, 2))[1]!;
      expect(confirm.subject).toBe('Confirm your new Rightsdraft account');
      await page.goto(linkIn(confirm, `${suite.server.url}/confirm-account#token=`));
      await page.waitForURL(`${suite.server.url}/reports/${report.id}`);
      // A reviewer reads the text and comments on it: the report opens read-only.
      await waitForSyncState(page, 'read-only');
      const members = await api<{ members: { email: string; role: string }[] }>(suite.server.url, `/api/reports/${report.id}/members`, { as: suite.amina });
      expect(members.body.members.find((m) => m.email === bruno)?.role).toBe('reviewer');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
