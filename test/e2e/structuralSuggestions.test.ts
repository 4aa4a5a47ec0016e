/**
 * Suggestions beyond one paragraph's text (issue 10): a reviewer in suggesting mode suggests a new paragraph,
 * deleting a list item and a table row, a footnote, bold, italic and a link; the editor sees each, accepts some (the text
 * changes for both), rejects one (it goes for both, the text stays), and accepts the rest with "Accept all".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { editorText, eventually, poll, waitForEditorText, useBrowserSuite } from './support.ts';
import { caretAfter, person, selectPhrase, type Person } from './reviewSupport.ts';
import { CLOSING, OPENING, seedStructuredReport } from './structureSupport.ts';

async function open(p: Person, url: string): Promise<void> {
  await p.page.goto(url);
  await p.page.locator('[data-testid="sync-status"]:is([data-state="synced"], [data-state="read-only"])').waitFor();
  await p.page.locator('.prose').waitFor();
}

const cards = (page: Page) => page.locator('.review-margin').getByTestId('suggestion');
const card = (page: Page, label: string) => cards(page).filter({ hasText: label });
/** The text of each element matching `selector` in the editor, without co-authors' caret labels. */
const texts = (page: Page, selector: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(`.prose ${sel}`)].map((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return (copy.textContent ?? '').trim();
  }), selector);

describe('Suggestions beyond the text in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('a reviewer suggests paragraphs, list items, rows, footnotes and formatting; the editor accepts and rejects them, seen by both', async () => {
    const editor = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(editor, reviewer);
    const { id } = await seedStructuredReport(server, editor.account, reviewer.account);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    await reviewer.page.getByTestId('suggest-tools').waitFor();
    const rp = reviewer.page;

    // A new paragraph: Enter at the end of one, then type it.
    await caretAfter(rp, OPENING);
    await rp.keyboard.press('Enter');
    await rp.keyboard.type('Families lost their homes.');
    // Enter again starts the next paragraph of the same suggestion.
    await rp.keyboard.press('Enter');
    await rp.keyboard.type('Rents went up.');
    await poll(() => card(rp, 'New paragraph').innerText()).toContain('Families lost their homes.\nRents went up.');
    // Enter at the end of a list item suggests a new item.
    await caretAfter(rp, 'Clinics');
    await rp.keyboard.press('Enter');
    await rp.keyboard.type('Transport');
    await poll(() => card(rp, 'New list item').innerText()).toContain('Transport');
    // Deleting a list item and a table row, from the suggesting toolbar at the caret.
    await caretAfter(rp, 'Schools');
    await rp.getByRole('button', { name: 'Suggest deleting this list item' }).click();
    await card(rp, 'Delete list item').waitFor();
    await caretAfter(rp, '2023');
    await rp.getByRole('button', { name: 'Suggest deleting this table row' }).click();
    await card(rp, 'Delete table row').waitFor();
    // A footnote at the caret.
    await caretAfter(rp, CLOSING);
    await rp.getByRole('button', { name: 'Suggest a footnote' }).click();
    await rp.getByLabel('Suggested footnote').fill('Housing ministry figures, 2025.');
    await rp.getByRole('button', { name: 'Suggest', exact: true }).click();
    await card(rp, 'New footnote').waitFor();
    // Bold on a word, with the usual shortcut.
    await selectPhrase(rp, 'must');
    await rp.keyboard.press('Control+b');
    await card(rp, 'Make bold').waitFor();
    // Italic with its shortcut, and a link from the suggesting toolbar.
    await selectPhrase(rp, 'rose sharply');
    await rp.keyboard.press('Control+i');
    await card(rp, 'Make italic').waitFor();
    await selectPhrase(rp, 'Water');
    await rp.getByRole('button', { name: 'Suggest a link' }).click();
    await rp.getByLabel('Suggested link address').fill('https://example.org/water');
    await rp.getByRole('button', { name: 'Suggest', exact: true }).click();
    await poll(() => card(rp, 'Add link').innerText()).toContain('https://example.org/water');
    expect(await cards(rp).count()).toBe(8);

    // Nothing reached the content.
    const seeded = (await getContent(server.url, editor.account, id)).sections[0]!;
    expect(seeded.text).toBe(`${OPENING}\nWater\nSchools\nClinics\nYear\nEvictions\n2023\n41\n2024\n57\n${CLOSING}`);

    // The editor sees each one in the text.
    const ep = editor.page;
    await poll(() => ep.locator('.prose ins.rd-sugg-block').allInnerTexts()).toEqual(['Families lost their homes.\nRents went up.', 'Transport']);
    await poll(() => ep.locator('.prose .rd-sugg-del-block').count()).toBe(2);
    await poll(() => ep.locator('.prose .rd-sugg-fmt--bold-add').allInnerTexts()).toEqual(['must']);
    expect(await ep.locator('.prose .rd-sugg-note').getAttribute('title')).toMatch(/New footnote, suggested by Rania Haddad.*Housing ministry figures, 2025\./);
    await poll(() => cards(ep).count()).toBe(8);

    // Accepting the row deletion and the new paragraph changes the text for both.
    await card(ep, 'Delete table row').getByRole('button', { name: 'Accept' }).click();
    await card(ep, 'New paragraph').getByRole('button', { name: 'Accept' }).click();
    for (const p of [ep, rp]) {
      await waitForEditorText(p, `${OPENING}Families lost their homes.Rents went up.`);
      await poll(() => texts(p, 'td')).toEqual(['Year', 'Evictions', '2024', '57']);
      await poll(() => p.locator('.prose .rd-sugg-block').count()).toBe(1);
    }
    // Rejecting the bold: its preview goes for both, and the word stays as it was.
    await card(ep, 'Make bold').getByRole('button', { name: 'Reject' }).click();
    for (const p of [ep, rp]) await poll(() => p.locator('.prose .rd-sugg-fmt--bold-add').count()).toBe(0);
    expect(await ep.locator('.prose strong, .prose b').count()).toBe(0);
    await eventually(
      () => getContent(server.url, editor.account, id),
      (c) => c.sections[0]!.text === `${OPENING}\nFamilies lost their homes.\nRents went up.\nWater\nSchools\nClinics\nYear\nEvictions\n2024\n57\n${CLOSING}`,
      'the accepted changes on the server',
    );

    // "Accept all" in the section takes the new and the deleted list item, the footnote, the italic and the link too.
    await ep.locator('.review-bar').getByRole('button', { name: 'Accept all' }).click();
    for (const p of [ep, rp]) {
      await poll(() => texts(p, 'li')).toEqual(['Water', 'Clinics', 'Transport']);
      await poll(() => p.locator('.prose [data-footnote], .prose .footnote').count()).toBe(1);
    }
    const final = await eventually(
      () => getContent(server.url, editor.account, id),
      (c) => c.sections[0]!.notes.length === 1,
      'the footnote on the server',
    );
    expect(final.sections[0]!.notes).toEqual(['Housing ministry figures, 2025.']);
    expect(final.sections[0]!.text).not.toContain('Schools');
    const json = JSON.stringify(final.sections[0]!.content);
    expect(json).not.toContain('"bold"');
    expect(json).toContain('{"type":"text","text":"rose sharply","marks":[{"type":"italic"}]}');
    expect(json).toMatch(/"text":"Water","marks":\[\{"type":"link","attrs":\{"href":"https:\/\/example.org\/water"/);
    for (const p of [ep, rp]) await poll(() => texts(p, 'a[href="https://example.org/water"]')).toEqual(['Water']);

    // Accept all was one change: the editor's Ctrl+Z takes all of it back, for both.
    await ep.locator('.prose').focus();
    await ep.keyboard.press('Control+z');
    for (const p of [ep, rp]) {
      await poll(() => texts(p, 'li')).toEqual(['Water', 'Schools', 'Clinics']);
      await poll(() => p.locator('.prose .footnote').count()).toBe(0);
    }
    expect(await texts(ep, 'a')).toEqual([]);

    // An editor who turns Suggesting on suggests a new paragraph the same way, and the text stays as it is.
    await ep.getByRole('switch', { name: 'Suggesting' }).click();
    await ep.getByTestId('suggest-tools').waitFor();
    await caretAfter(ep, CLOSING);
    await ep.keyboard.press('Enter');
    await ep.keyboard.type('Evictions must stop.');
    for (const p of [ep, rp]) await poll(() => texts(p, 'ins.rd-sugg-block')).toEqual(['Evictions must stop.']);
    await poll(() => card(rp, 'New paragraph').innerText()).toContain('Edwin Okafor');
    expect((await getContent(server.url, editor.account, id)).sections[0]!.text).not.toContain('Evictions must stop.');
    expect(await editorText(rp)).toContain(CLOSING);

    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  }, 180_000);
});
