/**
 * Issue 5's browser scenario: a reviewer comments on a phrase and suggests a replacement; the editor sees
 * both, replies, accepts the suggestion (the text changes for both, and Ctrl+Z takes the accept back for
 * the editor), and resolves the thread. Then: a thread whose text is deleted is kept, detached, with its quote.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, getContent, signUp } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import {
  editorText,
  eventually,
  poll,
  waitForEditorText,
  waitForOfflineReady,
  waitForSyncState,
  useBrowserSuite,
} from './support.ts';
import { person, seedReport, selectPhrase, type Person } from './reviewSupport.ts';

const PARAGRAPH = 'Roma pupils face systematic segregation in schools. The State should consider adopting a law.';

async function open(p: Person, url: string): Promise<void> {
  await p.page.goto(url);
  // Writers reach "synced"; reviewers and viewers see the server's text in "read-only".
  await p.page.locator('[data-testid="sync-status"]:is([data-state="synced"], [data-state="read-only"])').waitFor();
  await p.page.locator('.prose').waitFor();
}

const margin = (page: Page) => page.locator('.review-margin');

describe('Review in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('lets a reviewer comment and suggest, and the editor reply, accept (undoably) and resolve', async () => {
    const editor = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(editor, reviewer);
    const { id } = await seedReport(server, editor.account, [{ title: 'Right to education', paragraphs: [PARAGRAPH] }], [
      { who: reviewer.account, role: 'reviewer' },
    ]);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    // The reviewer's edits are suggestions; no formatting toolbar for text they cannot change.
    await reviewer.page.getByTestId('suggesting-note').waitFor();
    expect(await reviewer.page.locator('.toolbar').count()).toBe(0);

    // The reviewer comments on a phrase (Ctrl+Alt+M on the selection) ...
    await selectPhrase(reviewer.page, 'systematic segregation');
    await reviewer.page.keyboard.press('Control+Alt+m');
    const composer = reviewer.page.getByRole('combobox', { name: 'Comment' });
    await composer.fill('Which schools? Add a source. @Ed');
    // "@" offers the report's members; Enter completes the name, and the comment mentions them.
    await reviewer.page.getByRole('option', { name: /Edwin Okafor/ }).waitFor();
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('Which schools? Add a source. @Edwin Okafor ');
    await reviewer.page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
    await margin(reviewer.page).getByTestId('thread').filter({ hasText: 'Which schools? Add a source.' }).waitFor();
    const attention = async () =>
      ((await (await fetch(`${server.url}/api/attention`, { headers: { cookie: editor.account.cookie } })).json()) as { threads: unknown[] }).threads.length;
    await poll(attention).toBe(1);
    await poll(() => reviewer.page.getByTestId('review-announcer').innerText()).toBe('Comment added');

    // ... and suggests a replacement by typing over a selection.
    await selectPhrase(reviewer.page, 'should consider adopting');
    await reviewer.page.keyboard.type('must adopt');
    const reviewerSuggestion = margin(reviewer.page).getByTestId('suggestion');
    await poll(() => reviewerSuggestion.innerText()).toContain('must adopt');
    expect(await reviewerSuggestion.locator('del').innerText()).toBe('should consider adopting');
    // Nothing reached the content: the text is unchanged and the reviewer's connection is still open.
    expect((await getContent(server.url, editor.account, id)).sections[0]!.text).toBe(PARAGRAPH);
    // Still connected, reading the content live (a refused write would have shown an error state).
    await waitForSyncState(reviewer.page, 'read-only');

    // The editor sees the highlighted phrase, the thread, and the tracked change inline.
    await poll(() => editor.page.locator('.prose .rd-comment').allInnerTexts()).toEqual(['systematic segregation']);
    await poll(() => editor.page.locator('.prose del.rd-sugg-del').allInnerTexts()).toEqual(['should consider adopting']);
    await poll(() => editor.page.locator('.prose ins.rd-sugg-ins').allInnerTexts()).toEqual(['must adopt']);
    expect(await editor.page.locator('.prose del.rd-sugg-del').getAttribute('title')).toMatch(/^Suggested replacement by Rania Haddad/);
    const editorThread = margin(editor.page).getByTestId('thread');
    await poll(() => editorThread.innerText()).toContain('Which schools? Add a source.');

    // The editor replies; the reviewer sees the reply (and hears about it).
    await editorThread.click();
    await editorThread.getByRole('combobox', { name: 'Reply' }).fill('Source: ombudsman report 2024, p. 12.');
    await editorThread.getByRole('button', { name: 'Reply' }).click();
    const reviewerThread = margin(reviewer.page).getByTestId('thread');
    await poll(() => reviewerThread.innerText()).toContain('1 reply');
    await poll(() => reviewer.page.getByTestId('review-announcer').innerText()).toContain('New comment from Edwin Okafor');
    // Answered: no longer waiting for the editor's attention.
    await poll(attention).toBe(0);

    // The editor accepts: the text changes for both, as an ordinary edit.
    await margin(editor.page).getByTestId('suggestion').getByRole('button', { name: 'Accept' }).click();
    const accepted = 'The State must adopt a law.';
    await waitForEditorText(editor.page, accepted);
    await waitForEditorText(reviewer.page, accepted);
    await poll(() => reviewer.page.locator('.prose .rd-sugg-del, .prose .rd-sugg-ins').count()).toBe(0);
    await eventually(
      () => getContent(server.url, editor.account, id),
      (c) => c.sections[0]!.text.endsWith(accepted),
      'the accepted suggestion on the server',
    );

    // Ctrl+Z in the editor takes the accept back, like any edit of theirs.
    await editor.page.locator('.prose').focus();
    await editor.page.keyboard.press('Control+z');
    await waitForEditorText(editor.page, 'The State should consider adopting a law.');
    await waitForEditorText(reviewer.page, 'The State should consider adopting a law.');
    expect(await editorText(editor.page)).toBe(PARAGRAPH);

    // The editor resolves the thread: it leaves the margin and the highlight goes, for both.
    await editorThread.click();
    await editorThread.getByRole('button', { name: 'Resolve' }).click();
    await poll(() => margin(editor.page).getByTestId('thread').count()).toBe(0);
    await poll(() => reviewer.page.locator('.prose .rd-comment').count()).toBe(0);
    // It is still listed among the resolved threads.
    await reviewer.page.getByTestId('review-toggle').click();
    await reviewer.page.getByLabel('Status').selectOption('resolved');
    const listed = reviewer.page.getByTestId('thread-list').getByTestId('thread');
    await poll(() => listed.innerText()).toContain('Resolved');

    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  }, 180_000);

  it('keeps a thread whose text was deleted, detached, with the words it quoted', async () => {
    const editor = await person(browser, server, 'Olga Petrova');
    const reviewer = await person(browser, server, 'Kofi Mensah');
    suite.keep(editor, reviewer);
    const { id } = await seedReport(server, editor.account, [{ title: 'Housing', paragraphs: ['Evictions rose sharply in 2024 in the capital.'] }], [
      { who: reviewer.account, role: 'reviewer' },
    ]);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    await reviewer.page.getByTestId('suggesting-note').waitFor();

    await selectPhrase(reviewer.page, 'rose sharply');
    await reviewer.page.getByRole('button', { name: 'Comment', exact: true }).first().click();
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).fill('By how much?');
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).press('Control+Enter');
    await poll(() => editor.page.locator('.prose .rd-comment').allInnerTexts()).toEqual(['rose sharply']);
    // The reviewer corrects their comment; the editor sees the new text, marked as edited.
    const own = margin(reviewer.page).getByTestId('thread');
    await own.getByRole('button', { name: 'Edit' }).click();
    await own.getByRole('combobox', { name: 'Edit your comment' }).fill('By how much, and where?');
    await own.getByRole('button', { name: 'Save' }).click();
    await poll(() => margin(editor.page).getByTestId('thread').innerText()).toContain('By how much, and where?');
    expect(await margin(editor.page).getByTestId('thread').innerText()).toContain('(edited)');

    // The editor deletes the phrase (and the space after it).
    await selectPhrase(editor.page, 'rose sharply ');
    await editor.page.keyboard.press('Backspace');
    await waitForEditorText(editor.page, 'Evictions in 2024 in the capital.');

    for (const p of [editor, reviewer]) {
      const thread = margin(p.page).getByTestId('thread');
      await thread.getByTestId('thread-detached').waitFor();
      expect(await thread.getByTestId('thread-detached').innerText()).toContain('rose sharply');
      expect(await thread.innerText()).toContain('By how much, and where?');
      expect(await p.page.locator('.prose .rd-comment').count()).toBe(0);
    }
    // The server's thread list agrees.
    const res = await fetch(`${server.url}/api/reports/${id}/threads`, { headers: { cookie: editor.account.cookie } });
    const { threads } = (await res.json()) as { threads: { detached: boolean; quote: string }[] };
    expect(threads).toMatchObject([{ detached: true, quote: 'rose sharply' }]);
    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  }, 120_000);

  it('says when the server refuses a suggestion accepted offline by someone lowered to reviewer meanwhile, and lets them start again from the server', async () => {
    const owner = await signUp(server.url, { name: 'Olga Petrova' });
    const editor = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(editor, reviewer);
    const { id } = await seedReport(server, owner, [{ title: 'Housing', paragraphs: ['Evictions rose sharply in 2023.'] }], [
      { who: editor.account, role: 'editor' },
      { who: reviewer.account, role: 'reviewer' },
    ]);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    await waitForOfflineReady(editor.page);
    await reviewer.page.getByTestId('suggesting-note').waitFor();
    await selectPhrase(reviewer.page, 'sharply');
    await reviewer.page.keyboard.type('threefold');
    const card = margin(editor.page).getByTestId('suggestion');
    await poll(() => card.innerText()).toContain('threefold');

    // Offline, the editor accepts; meanwhile the owner makes them a reviewer.
    await editor.context.setOffline(true);
    await card.getByRole('button', { name: 'Accept' }).click();
    await waitForEditorText(editor.page, 'Evictions rose threefold in 2023.');
    const lowered = await api(server.url, `/api/reports/${id}/members`, { as: owner, body: { email: editor.account.email, role: 'reviewer' } });
    expect(lowered.status).toBe(201);
    await editor.context.setOffline(false);

    // Back online, the server refuses the decision: the page says so rather than silently dropping comments.
    const banner = editor.page.getByTestId('banner-discussion-stopped');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('Comments and suggestions from this device are not being saved');
    const content = await getContent(server.url, owner, id);
    expect(content.sections[0]!.text).toBe('Evictions rose sharply in 2023.');

    // Discarding the device's copy of the discussion brings back the server's: the suggestion still open.
    await banner.getByRole('button', { name: /Discard this device/ }).click();
    await editor.page.waitForLoadState('load');
    await margin(editor.page).getByTestId('suggestion').waitFor();
    expect(await margin(editor.page).getByTestId('suggestion').innerText()).toContain('threefold');
    expect(await editor.page.getByTestId('banner-discussion-stopped').count()).toBe(0);
    expect(editor.errors).toEqual([]);
  });

  it("flags a suggestion whose text changed since, applies it only when asked, and turns an editor's typing into suggestions in Suggesting mode", async () => {
    const editor = await person(browser, server, 'Ines Duarte');
    const reviewer = await person(browser, server, 'Tomas Novak');
    suite.keep(editor, reviewer);
    const original = 'Most evictions happened in the capital last winter.';
    const { id } = await seedReport(server, editor.account, [{ title: 'Evictions', paragraphs: [original] }], [{ who: reviewer.account, role: 'reviewer' }]);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    await reviewer.page.getByTestId('suggesting-note').waitFor();

    await selectPhrase(reviewer.page, 'in the capital');
    await reviewer.page.keyboard.type('in Freetown');
    const card = margin(editor.page).getByTestId('suggestion');
    await poll(() => card.innerText()).toContain('in Freetown');

    // The editor rewrites part of that text before deciding: the suggestion is now stale.
    await selectPhrase(editor.page, 'capital');
    await editor.page.keyboard.type('city');
    await card.getByTestId('suggestion-stale').waitFor();
    expect(await card.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Apply anyway' }).click();
    await waitForEditorText(reviewer.page, 'in Freetown');
    await poll(() => margin(editor.page).getByTestId('suggestion').count()).toBe(0);

    // Suggesting mode: the editor's own typing becomes a suggestion, the text stays as it was.
    await editor.page.getByRole('switch', { name: 'Suggesting' }).click();
    await selectPhrase(editor.page, 'last winter');
    await editor.page.keyboard.press('Backspace');
    await poll(() => editor.page.locator('.prose del.rd-sugg-del').allInnerTexts()).toEqual(['last winter']);
    await poll(() => reviewer.page.locator('.prose del.rd-sugg-del').allInnerTexts()).toEqual(['last winter']);
    const text = await editorText(editor.page);
    expect(text).toContain('last winter');
    await eventually(
      () => getContent(server.url, editor.account, id),
      (c) => c.sections[0]!.text.includes('in Freetown') && c.sections[0]!.text.includes('last winter'),
      'the content without the suggested deletion',
    );
    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  }, 120_000);

  it('keeps a comment written offline across a reload, and delivers it when the network returns', async () => {
    const editor = await person(browser, server, 'Lena Vogel');
    const reviewer = await person(browser, server, 'Sami Khan');
    suite.keep(editor, reviewer);
    const { id } = await seedReport(server, editor.account, [{ title: 'Detention', paragraphs: ['Pre-trial detention lasts 14 months on average.'] }], [
      { who: reviewer.account, role: 'reviewer' },
    ]);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    await reviewer.page.getByTestId('suggesting-note').waitFor();
    await waitForOfflineReady(reviewer.page);

    await reviewer.context.setOffline(true);
    await waitForSyncState(reviewer.page, 'offline');
    await selectPhrase(reviewer.page, '14 months');
    await reviewer.page.keyboard.press('Control+Alt+m');
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).fill('Source for the average?');
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).press('Control+Enter');
    await margin(reviewer.page).getByTestId('thread').waitFor();
    // Give IndexedDB its moment, then reload with no network: the comment is still on this device.
    await reviewer.page.waitForTimeout(500);
    await reviewer.page.reload();
    await reviewer.page.locator('.prose').waitFor();
    await poll(() => margin(reviewer.page).getByTestId('thread').innerText()).toContain('Source for the average?');
    expect(await margin(editor.page).getByTestId('thread').count()).toBe(0);

    await reviewer.context.setOffline(false);
    await poll(() => margin(editor.page).getByTestId('thread').innerText()).toContain('Source for the average?');
    await poll(() => editor.page.locator('.prose .rd-comment').allInnerTexts()).toEqual(['14 months']);
    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  }, 120_000);
});
