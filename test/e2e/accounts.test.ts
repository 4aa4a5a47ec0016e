/**
 * Issue 3's browser scenarios: the first account of a new instance, a coalition that invites a reviewer by
 * link, who reads its report read-only while the owner's edits reach them live; signing out ending the live
 * session of another tab; a viewer given a role seeing the report appear; a role lowered while offline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, createReport, getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  AMINA,
  BRUNO,
  editorText,
  eventually,
  fillSignUp,
  newProfile,
  openSignedIn,
  poll,
  syncLabel,
  typeAtEnd,
  uniqueEmail,
  WAIT_MS,
  waitForEditorText,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';

const REPORT_PATH = /\/reports\/([0-9a-f-]{36})$/;
const COALITION_PATH = /\/coalitions\/([0-9a-f-]{36})$/;
const REFUSED_WRITE = 'write refused on a read-only connection';

/** The session cookie a browser profile holds now, as a Cookie header. */
async function sessionCookie(context: BrowserContext, baseUrl: string): Promise<string> {
  return (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
}

function card(page: Page, reportId: string) {
  return page.locator(`[data-testid="report-card"][data-report-id="${reportId}"]`);
}

/** Open a report from the API and wait until its text has loaded. */
async function openReport(page: Page, baseUrl: string, reportId: string, state = 'synced'): Promise<void> {
  await page.goto(`${baseUrl}/reports/${reportId}`);
  await waitForSyncState(page, state);
}

describe('Accounts, coalitions and roles', () => {
  // Sign-ins are refused after 3 failures (without the slow-down), so the last test sees a 429 quickly.
  const suite = useBrowserSuite({ loginSlowAfter: 100, loginRefuseAfter: 3 });
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  // Runs first: it creates the instance's first account.
  it('signs up the first account, creates a coalition, and a reviewer invited by link reads its report live, read-only', async () => {
    const amina = await newProfile(browser, AMINA);
    suite.keep(amina);
    const { page } = amina;
    // Nobody is signed in: the app asks for an account, and on a new instance for its administrator's.
    await page.goto(server.url + '/');
    await page.waitForURL(/\/signup/);
    await page.getByRole('heading', { name: 'Create the first account (administrator) of this Rightsdraft' }).waitFor();
    expect(await page.getByText(/At least 10 characters/).isVisible()).toBe(true);
    // The shared validators answer before anything is sent.
    await page.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.getByText('Enter your name, as your co-authors know you.').waitFor();
    const aminaEmail = uniqueEmail(AMINA.email);
    await fillSignUp(page, AMINA, aminaEmail);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.getByText(/Choose a password of at least 10 characters/).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(AMINA.password);
    await page.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.waitForURL(server.url + '/');
    await page.getByRole('heading', { name: 'Shadow reports' }).waitFor();
    await page.getByTestId('account-menu').click();
    await page.getByText('Administrator of this Rightsdraft').waitFor();
    await page.keyboard.press('Escape');

    // A coalition with two organisations, in order.
    await page.getByRole('link', { name: 'Coalitions' }).click();
    await page.getByRole('button', { name: 'New coalition' }).first().click();
    await page.getByLabel('Name').fill('Freedonia Coalition for Racial Justice');
    await page.getByLabel('Organisation 1', { exact: true }).fill('Roma Rights Centre');
    await page.getByRole('button', { name: 'Add an organisation' }).click();
    await page.getByLabel('Organisation 2', { exact: true }).fill('Migrants Legal Aid');
    await page.getByRole('button', { name: 'Create coalition' }).click();
    await page.waitForURL(COALITION_PATH);
    const coalitionId = COALITION_PATH.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'Freedonia Coalition for Racial Justice' }).waitFor();
    expect(await page.locator('.organisations__shown li').allInnerTexts()).toEqual(['Roma Rights Centre', 'Migrants Legal Aid']);

    // An invitation link for a reviewer.
    await page.getByLabel('Role on the coalition’s reports').selectOption('reviewer');
    await page.getByLabel('Link expires after').selectOption('72');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const invitation = page.getByTestId('invitation');
    await invitation.waitFor();
    expect(await invitation.innerText()).toContain('as reviewer');
    expect(await invitation.innerText()).toMatch(/Expires on .+\. It works for one person, once\./);
    const link = await invitation.locator('input').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]+$`));
    // This server has no PUBLIC_URL: the panel says the link uses the address Amina opened the app at.
    expect(await invitation.getByTestId('invitation-public-url-note').innerText()).toContain('set PUBLIC_URL');

    // Amina writes a report for the coalition.
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'New report' }).first().click();
    await page.getByLabel('Title').fill('Racial discrimination in housing');
    await page.getByLabel('Mechanism').selectOption('CERD');
    await page.getByLabel(/A blank report/).check();
    await page.getByLabel('Freedonia Coalition for Racial Justice').check();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(REPORT_PATH);
    const reportId = REPORT_PATH.exec(page.url())![1]!;
    const aminaCookie = await sessionCookie(amina.context, server.url);
    const aminaAccount = () => ({ id: '', email: aminaEmail, name: AMINA.name, password: AMINA.password, cookie: aminaCookie });
    await waitForSyncState(page, 'synced');
    await typeAtEnd(page, 'Evictions of Roma families doubled.');

    // Bruno opens the link, signs up right there, and joins as a reviewer.
    const bruno = await newProfile(browser, BRUNO);
    suite.keep(bruno);
    await bruno.page.goto(link);
    await bruno.page.getByRole('heading', { name: 'Amina Diallo invites you to join Freedonia Coalition for Racial Justice as reviewer' }).waitFor();
    expect(await bruno.page.getByText('Roma Rights Centre, Migrants Legal Aid').isVisible()).toBe(true);
    await fillSignUp(bruno.page, BRUNO, uniqueEmail(BRUNO.email));
    await bruno.page.getByRole('button', { name: 'Create account and join' }).click();
    await bruno.page.waitForURL(`${server.url}/coalitions/${coalitionId}`);
    await bruno.page.getByText('Racial discrimination in housing').waitFor();

    // The report is in his list with his role and the coalition.
    await bruno.page.getByRole('link', { name: 'Reports' }).click();
    const brunoCard = card(bruno.page, reportId);
    await poll(() => brunoCard.getByTestId('role-badge').innerText()).toBe('Reviewer');
    expect(await brunoCard.getByTestId('report-coalition').innerText()).toBe('Freedonia Coalition for Racial Justice');

    // A reviewer cannot start the coalition's reports: the New report dialog says so instead of offering it.
    await bruno.page.getByRole('button', { name: 'New report' }).first().click();
    const coalitionChoice = bruno.page.getByLabel('Freedonia Coalition for Racial Justice');
    expect(await coalitionChoice.isDisabled()).toBe(true);
    expect(await bruno.page.getByText('As a reviewer in this coalition you cannot start its reports; ask a manager.').isVisible()).toBe(true);
    await bruno.page.getByRole('button', { name: 'Cancel' }).click();

    // He reads it read-only: no editing of the text or the outline.
    await brunoCard.getByRole('link').click();
    await waitForSyncState(bruno.page, 'read-only');
    expect(await syncLabel(bruno.page)).toBe('Suggesting and commenting — up to date');
    await waitForEditorText(bruno.page, 'Evictions of Roma families doubled.');
    expect(await bruno.page.locator('.report-header [data-testid="role-badge"]').innerText()).toContain('Reviewer');
    expect(await bruno.page.getByTestId('banner-read-only').innerText()).toContain('Suggesting and commenting — you are a reviewer on this report');
    expect(await bruno.page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    expect(await bruno.page.getByRole('button', { name: 'Add section' }).count()).toBe(0);
    expect(await bruno.page.getByRole('button', { name: /^Actions for / }).count()).toBe(0);
    expect(await bruno.page.getByTestId('outline-item').first().getAttribute('draggable')).toBe('false');
    expect(await bruno.page.getByLabel('Report title').getAttribute('readonly')).not.toBeNull();
    // What a reviewer types is a suggestion (review UI), kept apart from the text: the text never changes.
    await bruno.page.locator('.prose').click();
    await bruno.page.keyboard.press('End');
    await bruno.page.keyboard.type(' Bruno tries to type.');
    await bruno.page.waitForTimeout(500);
    expect((await getContent(server.url, aminaAccount(), reportId)).sections[0]!.text).toBe('Evictions of Roma families doubled.');

    // Amina's edits reach him live, and each sees the other, with their role.
    await typeAtEnd(page, ' Most were never rehoused.');
    await waitForEditorText(bruno.page, 'Most were never rehoused.');
    await poll(() => page.locator('.report-header [data-testid="peer-dots"]').getAttribute('aria-label')).toContain('Bruno Costa');
    await page.locator('.report-header [data-testid="peer-dots"]').click();
    await poll(() => page.getByTestId('people-here').innerText()).toMatch(/Bruno Costa\s*Reviewer/);

    // His connection never sent a change: the server refused nothing.
    expect(server.lines.filter((l) => l.includes(REFUSED_WRITE))).toEqual([]);
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 180_000);

  it('ends the live session of another tab when the user signs out, keeps its edits, and syncs them after signing in again', async () => {
    const amina = await openSignedIn(browser, server.url, AMINA);
    suite.keep(amina);
    const report = await createReport(server.url, amina.account, { title: 'Freedom of expression', mechanism: 'CCPR' });
    const first = amina.page;
    await openReport(first, server.url, report.id);
    await first.getByRole('button', { name: 'Add section' }).click();
    await first.getByLabel('Section title').fill('Journalists');
    await first.keyboard.press('Enter');
    const second = await amina.context.newPage();
    second.setDefaultTimeout(WAIT_MS);
    const secondErrors: string[] = [];
    second.on('pageerror', (err) => secondErrors.push(err.message));
    await openReport(second, server.url, report.id);

    await first.getByTestId('account-menu').click();
    await first.getByRole('button', { name: 'Sign out' }).click();
    // Not a shared device: the copies stay, so the other tab keeps its edits.
    await first.getByRole('dialog', { name: 'Sign out' }).getByRole('button', { name: 'Sign out' }).click();
    await first.waitForURL(/\/signin$/);

    // The other tab's live connection is closed by the server: it says so, and keeps the page usable.
    await waitForSyncState(second, 'signed-out');
    expect(await syncLabel(second)).toBe('Signed out — sign in again to sync this report');
    await second.getByTestId('session-ended').waitFor();
    expect(await second.getByTestId('session-ended').innerText()).toContain('Your session ended — sign in again');
    await typeAtEnd(second, 'Written while signed out.');
    await waitForEditorText(second, 'Written while signed out.');

    // Signing in again, from that tab, sends what was written meanwhile.
    await second.getByTestId('session-ended').getByRole('button', { name: 'Sign in' }).click();
    await second.getByLabel('Password', { exact: true }).fill(AMINA.password);
    await second.getByRole('dialog').getByRole('button', { name: 'Sign in' }).click();
    await waitForSyncState(second, 'synced');
    expect(await second.getByTestId('session-ended').count()).toBe(0);
    // The session the test signed up with has ended; the browser holds the new one.
    const renewed = { ...amina.account, cookie: await sessionCookie(amina.context, server.url) };
    expect(renewed.cookie).not.toBe(amina.account.cookie);
    expect((await api(server.url, '/api/auth/me', { as: amina.account })).status).toBe(401);
    const content = await eventually(
      () => getContent(server.url, renewed, report.id),
      (c) => c.sections[0]?.text === 'Written while signed out.',
      'the text written while signed out, on the server',
    );
    expect(content.sections[0]!.title).toBe('Journalists');
    // The first tab, on the sign-in page, follows the sign-in.
    await first.waitForURL(server.url + '/');
    expect(amina.errors).toEqual([]);
    expect(secondErrors).toEqual([]);
  }, 120_000);

  it('shows a report in the list of a viewer the owner adds, read-only, and tells them when the owner deletes it', async () => {
    const amina = await openSignedIn(browser, server.url, AMINA);
    const bruno = await openSignedIn(browser, server.url, BRUNO);
    suite.keep(amina, bruno);
    const report = await createReport(server.url, amina.account, { title: 'Rights of the child in detention', mechanism: 'CRC' });
    await bruno.page.goto(server.url + '/');
    await bruno.page.getByRole('heading', { name: 'No reports yet' }).waitFor();

    // Amina shares the report with Bruno as a viewer.
    await openReport(amina.page, server.url, report.id);
    await amina.page.getByRole('button', { name: 'Share' }).click();
    const dialog = amina.page.getByRole('dialog');
    await dialog.getByLabel('Add a person by e-mail').fill(bruno.account.email);
    await dialog.getByLabel('Role', { exact: true }).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    const brunoRow = dialog.getByTestId('report-member').filter({ hasText: 'Bruno Costa' });
    await poll(() => brunoRow.getByLabel('Role of Bruno Costa').inputValue()).toBe('viewer');
    expect(await brunoRow.innerText()).toContain('direct');
    expect(await dialog.getByTestId('report-member').filter({ hasText: 'Amina Diallo' }).innerText()).toContain('owner');
    await amina.page.keyboard.press('Escape');

    // It appears in Bruno's list without a reload.
    const brunoCard = card(bruno.page, report.id);
    await poll(() => brunoCard.count()).toBe(1);
    expect(await brunoCard.getByTestId('role-badge').innerText()).toBe('Viewer');
    expect(await brunoCard.getByTestId('report-coalition').innerText()).toBe('Shared with you');
    await brunoCard.getByRole('link').click();
    await waitForSyncState(bruno.page, 'read-only');
    expect(await bruno.page.getByTestId('banner-read-only').innerText()).toContain('Read only — you are a viewer on this report');
    // A viewer sees who else has a role, read-only.
    await bruno.page.getByRole('button', { name: 'People' }).click();
    const brunoDialog = bruno.page.getByRole('dialog');
    await poll(() => brunoDialog.getByTestId('report-member').count()).toBe(2);
    expect(await brunoDialog.locator('select').count()).toBe(0);
    await bruno.page.keyboard.press('Escape');

    // Amina deletes the report (to her trash), confirming its name; Bruno's open page says it was deleted.
    await amina.page.getByRole('button', { name: 'Share' }).click();
    await amina.page.getByRole('button', { name: 'Delete report…' }).click();
    await amina.page.getByRole('heading', { name: 'Delete “Rights of the child in detention”?' }).waitFor();
    await amina.page.getByRole('button', { name: 'Move to trash', exact: true }).click();
    await amina.page.waitForURL(server.url + '/');
    await poll(() => amina.page.getByTestId('toast').innerText()).toContain('Moved “Rights of the child in detention” to the trash');
    await bruno.page.getByTestId('banner-deleted').waitFor();
    expect(await syncLabel(bruno.page)).toBe('This report was deleted on the server');
    expect((await api(server.url, `/api/reports/${report.id}`, { as: amina.account })).status).toBe(404);
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 120_000);

  it('keeps an editor lowered to reviewer while connected reading the report live, with nothing lost', async () => {
    const amina = await openSignedIn(browser, server.url, AMINA);
    const bruno = await openSignedIn(browser, server.url, BRUNO);
    suite.keep(amina, bruno);
    const report = await createReport(server.url, amina.account, { title: 'Right to water', mechanism: 'CESCR' });
    const setBrunoRole = (role: string) => api(server.url, `/api/reports/${report.id}/members`, { as: amina.account, body: { email: bruno.account.email, role } });
    await setBrunoRole('editor');
    await openReport(amina.page, server.url, report.id);
    await amina.page.getByRole('button', { name: 'Add section' }).click();
    await amina.page.getByLabel('Section title').fill('Access in informal settlements');
    await amina.page.keyboard.press('Enter');
    await openReport(bruno.page, server.url, report.id);
    await typeAtEnd(bruno.page, 'Written by Bruno as an editor.');
    await waitForEditorText(amina.page, 'Written by Bruno as an editor.');
    await waitForSyncState(bruno.page, 'synced');

    // Lowered while connected: the server closes his connection (4403); nothing of his was waiting, so he
    // goes on reading his own copy, read-only, with the owner's edits arriving live.
    await setBrunoRole('reviewer');
    await waitForSyncState(bruno.page, 'read-only');
    await bruno.page.getByTestId('banner-read-only').waitFor();
    expect(await bruno.page.getByTestId('banner-unsendable').count()).toBe(0);
    await poll(() => bruno.page.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    expect(await bruno.page.locator('.report-header [data-testid="role-badge"]').innerText()).toContain('Reviewer');
    await typeAtEnd(amina.page, ' Added by Amina after the change.');
    await waitForEditorText(bruno.page, 'Added by Amina after the change.');
    expect(await editorText(bruno.page)).toContain('Written by Bruno as an editor.');
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 120_000);

  it('keeps changes made offline by someone lowered to viewer on their device, shows the server’s text, and sends them once raised again', async () => {
    const amina = await openSignedIn(browser, server.url, AMINA);
    const bruno = await openSignedIn(browser, server.url, BRUNO);
    suite.keep(amina, bruno);
    const report = await createReport(server.url, amina.account, { title: 'Conditions of detention', mechanism: 'CAT' });
    const setBrunoRole = async (role: string) => {
      const res = await api(server.url, `/api/reports/${report.id}/members`, { as: amina.account, body: { email: bruno.account.email, role } });
      expect(res.status).toBe(201);
    };
    const refusals = () => server.lines.filter((l) => l.includes(REFUSED_WRITE)).length;
    const refusedBefore = refusals();
    await setBrunoRole('editor');
    await openReport(amina.page, server.url, report.id);
    await amina.page.getByRole('button', { name: 'Add section' }).click();
    await amina.page.getByLabel('Section title').fill('Overcrowding');
    await amina.page.keyboard.press('Enter');
    await typeAtEnd(amina.page, 'Cells hold three times their capacity.');

    await openReport(bruno.page, server.url, report.id);
    await waitForEditorText(bruno.page, 'Cells hold three times their capacity.');

    // Bruno writes offline; meanwhile Amina makes him a viewer.
    await bruno.context.setOffline(true);
    await waitForSyncState(bruno.page, 'offline');
    await typeAtEnd(bruno.page, ' Written offline by Bruno.');
    await poll(() => syncLabel(bruno.page)).toBe('Offline — 1 change saved on this device, waiting to sync');
    await setBrunoRole('viewer');

    // Back online, his first attempt to read his role fails (a flaky network), so he connects as the editor
    // he was: the server refuses his change (4403) and he switches to the server's text.
    let failures = 1;
    await bruno.page.route(`**/api/reports/${report.id}`, (route) => (failures-- > 0 ? route.abort() : route.continue()));
    await bruno.context.setOffline(false);
    const banner = bruno.page.getByTestId('banner-unsendable');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('You are now a viewer; 1 change made on this device can’t be sent');
    await waitForSyncState(bruno.page, 'read-only');
    expect(await syncLabel(bruno.page)).toBe('Read only — 1 change on this device not sent');
    await waitForEditorText(bruno.page, 'Cells hold three times their capacity.');
    expect(await editorText(bruno.page)).not.toContain('Written offline by Bruno.');
    expect(await bruno.page.locator('.prose').getAttribute('contenteditable')).toBe('false');
    // The server has none of it, and refused it once only.
    expect((await getContent(server.url, amina.account, report.id)).sections[0]!.text).toBe('Cells hold three times their capacity.');
    await new Promise((r) => setTimeout(r, 1500));
    expect(refusals() - refusedBefore).toBe(1);

    // Amina's new text reaches the server copy he reads; his own change is still on his device after a reload.
    await typeAtEnd(amina.page, ' Two deaths were reported.');
    await waitForEditorText(bruno.page, 'Two deaths were reported.');
    await bruno.page.reload();
    await bruno.page.getByTestId('banner-unsendable').waitFor();
    await waitForEditorText(bruno.page, 'Two deaths were reported.');

    // Raised to editor again (the server closes his read-only connection with 4409): his change is sent.
    await setBrunoRole('editor');
    await waitForSyncState(bruno.page, 'synced');
    await waitForEditorText(bruno.page, 'Written offline by Bruno.');
    await waitForEditorText(amina.page, 'Written offline by Bruno.');
    expect(await bruno.page.getByTestId('banner-unsendable').count()).toBe(0);
    const content = await eventually(
      () => getContent(server.url, amina.account, report.id),
      (c) => c.sections[0]!.text.includes('Written offline by Bruno.'),
      'Bruno’s offline change on the server',
    );
    expect(content.sections[0]!.text).toContain('Two deaths were reported.');
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 180_000);

  // Runs last: the failures count against this machine's address too, so later sign-ins would be refused.
  it('says how long to wait after too many wrong passwords', async () => {
    const { account } = await openSignedIn(browser, server.url, AMINA);
    const profile = await newProfile(browser, AMINA);
    suite.keep(profile);
    const { page } = profile;
    await page.goto(server.url + '/signin');
    const attempt = async (password: string) => {
      await page.getByLabel('E-mail address').fill(account.email);
      await page.getByLabel('Password', { exact: true }).fill(password);
      const answered = page.waitForResponse('**/api/auth/login');
      await page.getByRole('button', { name: 'Sign in' }).click();
      return (await answered).status();
    };
    for (let i = 0; i < 3; i++) {
      expect(await attempt('not the password')).toBe(401);
      await poll(() => page.getByRole('alert').innerText()).toBe('The e-mail address or password is not right.');
    }
    expect(await attempt(AMINA.password)).toBe(429);
    await poll(() => page.getByRole('alert').innerText()).toBe('Too many attempts — try again in 15 minutes.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Too many attempts — try again in 15 minutes.');
    expect(profile.errors).toEqual([]);
  }, 60_000);
});
