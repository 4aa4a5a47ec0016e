/**
 * Issue 10: what a new user's walk through the app found. Each test fails on the code before its fix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, createReport, getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { poll, syncLabel, useBrowserSuite } from './support.ts';
import { person, seedReport, selectPhrase, type Person } from './reviewSupport.ts';
import { openView } from './treaty/support.ts';

const PARAGRAPH = 'Roma pupils face systematic segregation in schools. The State should consider adopting a law.';

async function open(p: Person, url: string): Promise<void> {
  await p.page.goto(url);
  await p.page.locator('[data-testid="sync-status"]:is([data-state="synced"], [data-state="read-only"])').waitFor();
  await p.page.locator('.prose').waitFor();
}

const margin = (page: Page) => page.locator('.review-margin');

async function attentionCount(server: TestServer, p: Person): Promise<number> {
  const res = await fetch(`${server.url}/api/attention`, { headers: { cookie: p.account.cookie } });
  return ((await res.json()) as { threads: unknown[] }).threads.length;
}

describe('A new user’s walk through the app', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('Ctrl+Alt+M moves the focus to the comment box: what is typed next is the comment, not a change to the text', async () => {
    const owner = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(owner, reviewer);
    const { id } = await seedReport(server, owner.account, [{ title: 'Right to education', paragraphs: [PARAGRAPH] }], [{ who: reviewer.account, role: 'reviewer' }]);
    const url = `${server.url}/reports/${id}`;
    for (const who of [reviewer, owner]) {
      await open(who, url);
      await selectPhrase(who.page, 'systematic segregation');
      await who.page.keyboard.press('Control+Alt+m');
      const composer = who.page.getByRole('combobox', { name: 'Comment' });
      await composer.waitFor();
      // Typed straight away, as a person does, without clicking into the box first.
      await who.page.keyboard.type(`Which schools? (${who === owner ? 'owner' : 'reviewer'})`);
      await poll(() => composer.inputValue()).toBe(`Which schools? (${who === owner ? 'owner' : 'reviewer'})`);
      expect(await who.page.locator('.prose').innerText()).toContain('systematic segregation');
      expect(await margin(who.page).getByTestId('suggestion').count()).toBe(0);
      await who.page.keyboard.press('Control+Enter');
      await margin(who.page).getByTestId('thread').filter({ hasText: `(${who === owner ? 'owner' : 'reviewer'})` }).waitFor();
    }
    expect((await getContent(server.url, owner.account, id)).sections[0]!.text).toBe(PARAGRAPH);
    expect(owner.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  });

  it('tells a reviewer what they can do (suggest and comment), not "Read only"', async () => {
    const owner = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(owner, reviewer);
    const { id } = await seedReport(server, owner.account, [{ title: 'Right to education', paragraphs: [PARAGRAPH] }], [{ who: reviewer.account, role: 'reviewer' }]);
    await open(reviewer, `${server.url}/reports/${id}`);
    await reviewer.page.getByTestId('suggesting-note').waitFor();
    expect(await syncLabel(reviewer.page)).toContain('Suggesting and commenting');
    expect(await reviewer.page.locator('.report-header').innerText()).not.toMatch(/read only/i);
    expect(await reviewer.page.locator('body').innerText()).not.toMatch(/read only/i);
  });

  it('resolves a typed "@Amina" to the member, and asks which one when two members are called Amina', async () => {
    const owner = await person(browser, server, 'Edwin Okafor');
    const amina = await person(browser, server, 'Amina Diallo');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(owner, amina, reviewer);
    const { id } = await seedReport(server, owner.account, [{ title: 'Right to education', paragraphs: [PARAGRAPH] }], [
      { who: amina.account, role: 'editor' },
      { who: reviewer.account, role: 'reviewer' },
    ]);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await selectPhrase(reviewer.page, 'systematic segregation');
    await reviewer.page.keyboard.press('Control+Alt+m');
    const composer = reviewer.page.getByRole('combobox', { name: 'Comment' });
    // Typed without picking from the pop-up (Escape closes it), then sent.
    await composer.fill('@Amina');
    await composer.press('Escape');
    await composer.pressSequentially(' please check the numbers');
    await reviewer.page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
    await margin(reviewer.page).getByTestId('thread').filter({ hasText: 'please check the numbers' }).waitFor();
    await poll(() => attentionCount(server, amina)).toBe(1);

    // A second Amina joins: a bare "@Amina" is no longer guessed.
    const other = await person(browser, server, 'Amina Benali');
    suite.keep(other);
    const res = await fetch(`${server.url}/api/reports/${id}/members`, {
      method: 'POST',
      headers: { cookie: owner.account.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email: other.account.email, role: 'editor' }),
    });
    expect(res.status).toBe(201);
    await reviewer.page.reload();
    await reviewer.page.locator('.prose').waitFor();
    await selectPhrase(reviewer.page, 'should consider');
    await reviewer.page.keyboard.press('Control+Alt+m');
    await composer.fill('@Amina');
    await composer.press('Escape');
    await composer.pressSequentially(' is this right?');
    await reviewer.page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
    const question = reviewer.page.getByTestId('mention-question');
    await poll(() => question.innerText()).toContain('Which Amina');
    expect(await margin(reviewer.page).getByTestId('thread').filter({ hasText: 'is this right?' }).count()).toBe(0);
    await question.getByRole('button', { name: /Amina Benali/ }).click();
    expect(await composer.inputValue()).toBe('@Amina Benali is this right?');
    await reviewer.page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
    await margin(reviewer.page).getByTestId('thread').filter({ hasText: 'is this right?' }).waitFor();
    await poll(() => attentionCount(server, other)).toBe(1);
    expect(await attentionCount(server, amina)).toBe(1);
    expect(reviewer.errors).toEqual([]);
  });

  it('makes a coalition report of several organisations a joint submission, unless chosen otherwise', async () => {
    const amina = await person(browser, server, 'Amina Diallo');
    suite.keep(amina);
    const { page, account } = amina;
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', {
      as: account,
      body: { name: 'Equal Schools Coalition', organisations: ['Roma Rights Centre', 'Equal Schools Network'] },
    });
    expect(coalition.status).toBe(201);

    // The New report dialog: choosing the coalition makes "Submitted by" several organisations.
    await page.goto(server.url);
    await page.getByRole('button', { name: /New report/ }).first().click();
    await page.getByLabel('Title').fill('Segregation in schools');
    await page.getByLabel('Mechanism').selectOption('UPR');
    expect(await page.getByLabel('One organisation').isChecked()).toBe(true);
    await page.getByLabel('Equal Schools Coalition').check();
    await poll(() => page.getByLabel('Several organisations').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await openView(page, 'cover');
    await poll(() => page.getByRole('group', { name: /Submission type/ }).getByLabel('Several organisations').isChecked()).toBe(true);

    // Chosen explicitly, "One organisation" stays.
    await page.goto(server.url);
    await page.getByRole('button', { name: /New report/ }).first().click();
    await page.getByLabel('Title').fill('Housing evictions');
    await page.getByLabel('Mechanism').selectOption('UPR');
    await page.getByLabel('Equal Schools Coalition').check();
    await page.getByLabel('One organisation').check();
    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await openView(page, 'cover');
    await page.getByRole('group', { name: /Submission type/ }).waitFor();
    expect(await page.getByRole('group', { name: /Submission type/ }).getByLabel('One organisation').isChecked()).toBe(true);

    // A coalition report made elsewhere (no type chosen): the cover form makes it joint.
    const report = await createReport(server.url, account, { title: 'Health care', mechanism: 'CERD', stateUnderReview: 'Freedonia', coalitionId: coalition.body.id });
    await page.goto(`${server.url}/reports/${report.id}`);
    await openView(page, 'cover');
    await poll(() => page.getByRole('group', { name: /Submission type/ }).getByLabel('Several organisations').isChecked()).toBe(true);
    expect(amina.errors).toEqual([]);
  });
});
