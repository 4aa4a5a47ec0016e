/**
 * Issue 10: what a new user's walk through the app found. Each test fails on the code before its fix.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createSuggestion, listSuggestions } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
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

  it('accepts all open suggestions of the report at once (undoably), skipping and counting one whose text changed, and rejects all', async () => {
    const owner = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(owner, reviewer);
    const { id, sectionIds } = await seedReport(
      server,
      owner.account,
      [
        { title: 'Education', paragraphs: ['Alpha Bravo Charlie.'] },
        { title: 'Housing', paragraphs: ['Delta Echo Foxtrot.'] },
      ],
      [{ who: reviewer.account, role: 'reviewer' }],
    );
    // The reviewer's suggestions, written by the stock client: three that apply, one made on text since changed.
    const content = connectClient(server.wsUrl, id, reviewer.account);
    const discussion = connectClient(server.wsUrl, roomName(id, 'discussion'), reviewer.account);
    await Promise.all([content.synced, discussion.synced]);
    const me = { id: reviewer.account.id, name: reviewer.account.name };
    const [a, b] = sectionIds.map((s) => getSectionBody(content.doc, s)!);
    createSuggestion(discussion.doc, me, { sectionId: sectionIds[0]!, anchor: anchorAt(a!, 6, 11), originalText: 'Bravo', insertText: 'Beta' });
    createSuggestion(discussion.doc, me, { sectionId: sectionIds[0]!, anchor: anchorAt(a!, 0, 0), originalText: '', insertText: 'Now ' });
    createSuggestion(discussion.doc, me, { sectionId: sectionIds[1]!, anchor: anchorAt(b!, 6, 11), originalText: 'Echo ', insertText: '' });
    createSuggestion(discussion.doc, me, { sectionId: sectionIds[1]!, anchor: anchorAt(b!, 12, 19), originalText: 'Golf', insertText: 'Hotel' });
    const check = connectClient(server.wsUrl, roomName(id, 'discussion'), owner.account);
    await check.synced;
    await waitFor(() => listSuggestions(check.doc).length === 4);
    content.destroy();
    discussion.destroy();

    // A reviewer cannot decide: no buttons for them.
    await open(reviewer, `${server.url}/reports/${id}`);
    await reviewer.page.getByTestId('review-toggle').click();
    await reviewer.page.getByRole('tab', { name: 'Suggestions' }).click();
    await poll(() => reviewer.page.locator('.review-panel [data-testid="suggestion"], .review-list [data-testid="suggestion"]').count()).toBe(4);
    expect(await reviewer.page.getByRole('button', { name: 'Accept all in the report' }).count()).toBe(0);

    await open(owner, `${server.url}/reports/${id}`);
    await owner.page.getByTestId('review-toggle').click();
    await owner.page.getByRole('tab', { name: 'Suggestions' }).click();
    await owner.page.getByRole('button', { name: 'Accept all in the report' }).click();
    await poll(() => owner.page.getByTestId('review-announcer').innerText()).toBe('3 accepted, 1 needs a decision');
    const texts = async () => (await getContent(server.url, owner.account, id)).sections.map((s) => s.text);
    await poll(texts).toEqual(['Now Alpha Beta Charlie.', 'Delta Foxtrot.']);

    // Undo takes all three back, as one step, and they are open again.
    await owner.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await poll(texts).toEqual(['Alpha Bravo Charlie.', 'Delta Echo Foxtrot.']);
    await poll(() => listSuggestions(check.doc).filter((s) => s.status === 'open').length).toBe(4);

    // Reject all: the text unchanged, nothing open.
    await owner.page.getByRole('button', { name: 'Reject all in the report' }).click();
    await poll(() => owner.page.getByTestId('review-announcer').innerText()).toBe('4 rejected');
    await poll(() => listSuggestions(check.doc).filter((s) => s.status === 'rejected').length).toBe(4);
    expect(await texts()).toEqual(['Alpha Bravo Charlie.', 'Delta Echo Foxtrot.']);
    check.destroy();
    expect(owner.errors).toEqual([]);
  });

  it('fits a phone: a compact header and every toolbar action reachable (the rest under "More")', async () => {
    const shots = process.env.WALK_SHOTS;
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      const owner = await person(browser, server, 'Edwin Okafor', viewport);
      const reviewer = await person(browser, server, 'Rania Haddad', viewport);
      suite.keep(owner, reviewer);
      const { id } = await seedReport(server, owner.account, [{ title: 'Right to education', paragraphs: [PARAGRAPH] }], [{ who: reviewer.account, role: 'reviewer' }]);
      await open(owner, `${server.url}/reports/${id}`);
      const page = owner.page;
      await page.locator('.toolbar').waitFor();
      if (shots) {
        fs.mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: `${shots}/owner-${viewport.width}.png` });
        await open(reviewer, `${server.url}/reports/${id}`);
        await reviewer.page.screenshot({ path: `${shots}/reviewer-${viewport.width}.png` });
      }
      if (viewport.width > 400) continue;
      // The header and the tabs under it: the page's top, down to the end of the tabs.
      const chrome = await page.evaluate(() => {
        const tabs = document.querySelector('.views-bar')!.getBoundingClientRect();
        return tabs.bottom;
      });
      expect(chrome).toBeLessThan(170);
      // Nothing in the header's row runs off the side of the screen (the "Report actions" button included).
      const offScreen = await page.evaluate((width) => {
        const row = document.querySelector('.report-header__side')!;
        return [...row.querySelectorAll<HTMLElement>(':scope > button, :scope > [role="status"], :scope > *')]
          .filter((el) => el.offsetParent !== null)
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.className);
      }, viewport.width);
      expect(offScreen).toEqual([]);
      // Every action of the toolbar is on screen, or in the "More" menu.
      const actions = ['Bold', 'Italic', 'Underline', 'Strikethrough', 'Bulleted list', 'Numbered list', 'Block quote', 'Add link', 'Insert footnote', 'Insert table', 'Recommendation', 'Undo', 'Redo'];
      const onScreen = async (name: string) => {
        const el = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
        if ((await el.count()) === 0) return false;
        const box = await el.first().boundingBox();
        return !!box && (await el.first().isVisible()) && box.x >= 0 && box.x + box.width <= viewport.width;
      };
      const hidden: string[] = [];
      for (const name of actions) if (!(await onScreen(name))) hidden.push(name);
      expect(hidden.length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'More', exact: true }).click();
      const menu = page.getByRole('menu', { name: 'More formatting' });
      const item = (name: string) => menu.getByRole('menuitem', { name, exact: true }).or(menu.getByRole('menuitemcheckbox', { name, exact: true }));
      if (shots) await page.screenshot({ path: `${shots}/owner-${viewport.width}-more.png` });
      for (const name of hidden) expect(await item(name).isVisible(), name).toBe(true);
      // From the menu, an action works: the footnote is inserted.
      if (hidden.includes('Insert footnote')) {
        await menu.getByRole('menuitem', { name: 'Insert footnote' }).click();
        await page.locator('.prose [data-footnote], .prose .footnote-ref, .prose sup').first().waitFor();
      }
      // The header's secondary actions are in its menu.
      await page.getByRole('button', { name: 'Report actions' }).click();
      const more = page.getByRole('group', { name: 'Report actions' });
      await more.getByRole('button', { name: /Export/ }).waitFor();
      await more.getByRole('button', { name: 'Share' }).waitFor();
      await more.getByRole('button', { name: /Find/ }).waitFor();
      await more.getByRole('button', { name: /Print/ }).waitFor();
      expect(await more.getByLabel('State under review').inputValue()).toBe('Freedonia');
      if (shots) await page.screenshot({ path: `${shots}/owner-${viewport.width}-menu.png` });
      expect(owner.errors).toEqual([]);
    }
  });
});
