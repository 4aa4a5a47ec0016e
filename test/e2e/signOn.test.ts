/**
 * Sign-on in the cover form: a coalition's report shows the coalition's organisations, each waiting until an
 * owner or editor confirms it; confirming in the form is recorded by the server (who and when), and a viewer
 * sees the status without the control.
 */
import { describe, expect, it } from 'vitest';
import { api, createReport } from '../helpers/clients.ts';
import { useBrowserSuite, waitForSyncState } from './support.ts';
import { openView, signedIn } from './treaty/support.ts';

describe('Sign-on in the cover form', () => {
  const suite = useBrowserSuite();

  it("shows the coalition's organisations waiting, confirms one, and a viewer sees the status only", async () => {
    const user = await signedIn(suite.browser, suite.server.url, 'Amina Diallo');
    const { page, account } = user;
    const coalition = await api<{ id: string }>(suite.server.url, '/api/coalitions', {
      as: account,
      body: { name: 'Equal Schools Coalition', organisations: ['Roma Rights Centre', 'Equal Schools Network'] },
    });
    const report = await createReport(suite.server.url, account, { title: 'Segregation in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia', coalitionId: coalition.body.id });
    await page.goto(`${suite.server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await openView(page, 'cover');

    const rows = page.getByTestId('organisation');
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringMatching(/Roma Rights Centre\s*Waiting to confirm/), expect.stringMatching(/Equal Schools Network\s*Waiting to confirm/)]);
    await page.getByRole('button', { name: 'Confirm that Roma Rights Centre signs on' }).click();
    await expect.poll(() => rows.first().innerText()).toMatch(/Confirmed by Amina Diallo/);
    const signOn = await api<{ organisations: { name: string; status: string; confirmedBy: { id: string } | null }[] }>(suite.server.url, `/api/reports/${report.id}/sign-on`, { as: account });
    expect(signOn.body.organisations[0]).toMatchObject({ name: 'Roma Rights Centre', status: 'confirmed', confirmedBy: { id: account.id } });
    expect(user.errors).toEqual([]);

    // A viewer sees who confirmed, and no control.
    const viewer = await signedIn(suite.browser, suite.server.url, 'Viewer');
    await api(suite.server.url, `/api/reports/${report.id}/members`, { as: account, body: { email: viewer.account.email, role: 'viewer' } });
    await viewer.page.goto(`${suite.server.url}/reports/${report.id}`);
    await waitForSyncState(viewer.page, 'read-only');
    await openView(viewer.page, 'cover');
    await expect.poll(() => viewer.page.getByTestId('organisation').first().innerText()).toMatch(/Confirmed by Amina Diallo/);
    expect(await viewer.page.getByRole('button', { name: /^Confirm that/ }).count()).toBe(0);
    await user.context.close();
    await viewer.context.close();
  }, 120_000);
});
