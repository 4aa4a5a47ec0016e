/**
 * Offline first: a report created with no network lives on the device and reaches the server when the
 * network returns; the sync status tells the user what is happening at each step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, getContent, signUp } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  AMINA,
  eventually,
  openSignedIn,
  type SignedInPage,
  poll,
  syncLabel,
  typeAtEnd,
  waitForEditorText,
  waitForOfflineReady,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';

const REPORT_PATH = /\/reports\/([0-9a-f-]{36})$/;

describe('Working offline', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  async function openOfflineReady(): Promise<SignedInPage> {
    const user = await openSignedIn(browser, server.url, AMINA);
    suite.keep(user);
    await user.page.goto(server.url + '/');
    await waitForOfflineReady(user.page);
    await poll(() => user.page.getByText('Rightsdraft is available offline on this device.').isVisible()).toBe(true);
    return user;
  }

  async function createReportInUi(user: SignedInPage, title: string, mechanism: string, state: string): Promise<string> {
    const { page } = user;
    await page.getByRole('button', { name: 'New report' }).first().click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Mechanism').selectOption(mechanism);
    // Not one of the mechanism's templates: these tests follow the one section a blank report starts with.
    await page.getByLabel(/A blank report/).check();
    await page.getByLabel(/State under review/).fill(state);
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(REPORT_PATH);
    return REPORT_PATH.exec(page.url())![1]!;
  }

  it('creates a report offline and puts it on the server, with its text, when the network returns', async () => {
    const user = await openOfflineReady();
    const { page, context } = user;
    await context.setOffline(true);

    const id = await createReportInUi(user, 'Women human rights defenders under threat', 'CEDAW', 'Sylvania');
    await waitForSyncState(page, 'offline');
    await poll(() => page.locator('#section-heading').innerText()).toBe('Introduction');
    // The new report is itself a change waiting to sync; the text typed next is another.
    await poll(() => syncLabel(page)).toBe('Offline — 1 change saved on this device, waiting to sync');
    await typeAtEnd(page, 'Written on a train with no signal.');
    await poll(() => syncLabel(page)).toBe('Offline — 2 changes saved on this device, waiting to sync');
    expect((await api(server.url, `/api/reports/${id}`, { as: user.account })).status).toBe(404);

    await context.setOffline(false);
    await waitForSyncState(page, 'synced');
    const content = await eventually(
      () => getContent(server.url, user.account, id),
      (c) => c.sections.some((s) => s.text.includes('Written on a train with no signal.')),
      'the offline report and its text on the server',
    );
    expect(content.title).toBe('Women human rights defenders under threat');
    expect(content.mechanism).toBe('CEDAW');
    expect(content.stateUnderReview).toBe('Sylvania');
    expect(content.sections.map((s) => s.title)).toEqual(['Introduction']);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('lists a report made offline as only on this device, and syncs it from the list when the network returns', async () => {
    const user = await openOfflineReady();
    const { page, context } = user;
    await context.setOffline(true);
    await poll(() => page.getByText('You are offline.').isVisible()).toBe(true);

    const id = await createReportInUi(user, 'Juvenile justice', 'CRC', 'Freedonia');
    await page.getByRole('link', { name: 'All reports' }).click();
    const card = page.locator(`[data-testid="report-card"][data-report-id="${id}"]`);
    await poll(() => card.getAttribute('data-place')).toBe('device-only');
    expect(await card.innerText()).toContain('Only on this device');

    await context.setOffline(false);
    await eventually(
      () => api<{ title: string }>(server.url, `/api/reports/${id}`, { as: user.account }),
      (r) => r.status === 200 && r.body.title === 'Juvenile justice',
      'the report on the server',
    );
    await poll(() => card.getAttribute('data-place')).toBe('both');
    expect(await card.innerText()).not.toContain('Only on this device');
    // Its content, made on this device, follows without the report being opened again.
    const content = await eventually(
      () => getContent(server.url, user.account, id),
      (c) => c.sections.length === 1,
      'the offline report’s first section on the server',
    );
    expect(content.sections[0]!.title).toBe('Introduction');
    await poll(() => card.innerText()).not.toContain('Changes waiting to sync');
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('keeps a coalition report made offline that the server then refuses, says why, and sends it as the person’s own on request', async () => {
    const owner = await signUp(server.url, { name: 'Olga Petrova' });
    const coalition = (await api<{ id: string }>(server.url, '/api/coalitions', { as: owner, body: { name: 'Sylvania Coalition', organisations: ['Women’s Rights Network'] } })).body;
    const user = await openSignedIn(browser, server.url, AMINA);
    suite.keep(user);
    const invite = (await api<{ token: string }>(server.url, `/api/coalitions/${coalition.id}/invitations`, { as: owner, body: { role: 'editor' } })).body;
    expect((await api(server.url, `/api/invitations/${invite.token}/accept`, { as: user.account, method: 'POST' })).status).toBe(200);
    const { page, context } = user;
    await page.goto(server.url + '/');
    await waitForOfflineReady(page);
    // Offline, Amina starts a report for the coalition, where she is an editor (the device keeps her coalitions).
    await page.getByRole('button', { name: 'New report' }).first().click();
    await page.getByLabel('Sylvania Coalition').waitFor();
    await context.setOffline(true);
    await page.getByLabel('Title').fill('Rural women and land');
    await page.getByLabel('Mechanism').selectOption('CEDAW');
    await page.getByLabel(/A blank report/).check();
    await page.getByLabel('Sylvania Coalition').check();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(REPORT_PATH);
    const id = REPORT_PATH.exec(page.url())![1]!;
    await page.getByRole('link', { name: 'All reports' }).click();
    const card = page.locator(`[data-testid="report-card"][data-report-id="${id}"]`);
    await poll(() => card.getAttribute('data-place')).toBe('device-only');

    // Meanwhile the coalition makes her a viewer: the server will not take a report from her for it.
    const lowered = await api(server.url, `/api/coalitions/${coalition.id}/members/${user.account.id}`, { as: owner, method: 'PATCH', body: { role: 'viewer' } });
    expect(lowered.status).toBe(200);
    await context.setOffline(false);
    const refused = card.getByTestId('publish-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.innerText()).toContain('Your role in this coalition cannot create reports.');
    expect(await refused.innerText()).toContain('It is safe on this device.');
    expect(await card.getAttribute('data-place')).toBe('device-only');

    // She makes it her own: the server takes it, as hers alone.
    await refused.getByRole('button', { name: 'Make it your own report' }).click();
    const onServer = await eventually(
      () => api<{ coalitionId: string | null; role: string; title: string }>(server.url, `/api/reports/${id}`, { as: user.account }),
      (r) => r.status === 200,
      'the report on the server',
    );
    expect(onServer.body).toMatchObject({ title: 'Rural women and land', coalitionId: null, role: 'owner' });
    await poll(() => card.getAttribute('data-place')).toBe('both');
    expect(await card.getByTestId('publish-refused').count()).toBe(0);
    expect(await card.getByTestId('report-coalition').innerText()).toBe('Your own report');
    expect((await api(server.url, `/api/reports/${id}`, { as: owner })).status).toBe(404);
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('shows offline with the changes waiting, then synced once they reached the server', async () => {
    const user = await openOfflineReady();
    const { page, context } = user;
    const id = await createReportInUi(user, 'Statelessness', 'CCPR', 'Freedonia');
    await waitForSyncState(page, 'synced');
    expect(await syncLabel(page)).toBe('Synced');

    await context.setOffline(true);
    await waitForSyncState(page, 'offline');
    expect(await syncLabel(page)).toBe('Offline — nothing waiting to sync');
    await typeAtEnd(page, 'First paragraph.');
    // A pause starts a second change.
    await poll(() => syncLabel(page)).toBe('Offline — 1 change saved on this device, waiting to sync');
    await page.waitForTimeout(2200);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second paragraph.');
    await poll(() => syncLabel(page)).toBe('Offline — 2 changes saved on this device, waiting to sync');

    await context.setOffline(false);
    await waitForSyncState(page, 'synced');
    await waitForEditorText(page, 'Second paragraph.');
    const content = await getContent(server.url, user.account, id);
    expect(content.sections[0]!.text).toBe('First paragraph.\nSecond paragraph.');
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('keeps the words typed right before the page is reloaded', async () => {
    const user = await openOfflineReady();
    const { page, context } = user;
    const id = await createReportInUi(user, 'Freedom of assembly', 'CCPR', 'Freedonia');
    await waitForSyncState(page, 'synced');
    await context.setOffline(true);
    await waitForSyncState(page, 'offline');
    // No wait between the last keystroke and the reload: IndexedDB may still be writing.
    await typeAtEnd(page, 'Protesters were detained without charge.');
    await page.reload();
    await waitForEditorText(page, 'Protesters were detained without charge.');
    await context.setOffline(false);
    await waitForSyncState(page, 'synced');
    expect((await getContent(server.url, user.account, id)).sections[0]!.text).toBe('Protesters were detained without charge.');
    expect(user.errors).toEqual([]);
  }, 120_000);
});
