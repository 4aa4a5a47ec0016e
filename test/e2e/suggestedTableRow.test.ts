/**
 * A suggested new table row in the browser (issue 10): a reviewer in suggesting mode suggests rows below two
 * rows of a table from the "+ Row" form; both people see them as pending rows; the editor accepts one (the table
 * changes for both) and rejects the other (it goes for both, the table stays); Accept all and Reject all take
 * new rows as any other suggestion.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { eventually, poll, useBrowserSuite } from './support.ts';
import { caretAfter, person, selectPhrase, type Person } from './reviewSupport.ts';
import { CLOSING, OPENING, seedStructuredReport } from './structureSupport.ts';

async function open(p: Person, url: string): Promise<void> {
  await p.page.goto(url);
  await p.page.locator('[data-testid="sync-status"]:is([data-state="synced"], [data-state="read-only"])').waitFor();
  await p.page.locator('.prose').waitFor();
}

const card = (page: Page, text: string) => page.locator('.review-margin').getByTestId('suggestion').filter({ hasText: text });
/** The text of each cell of the table's rows, the document's and the pending ones, row by row. */
const rows = (page: Page, selector: string) =>
  page.evaluate((sel) => [...document.querySelectorAll(`.prose ${sel}`)].map((tr) => [...tr.querySelectorAll('td, th')].map((c) => {
    const copy = c.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((x) => x.remove());
    return (copy.textContent ?? '').trim();
  })), selector);

async function suggestRowBelow(page: Page, cellText: string, cells: Record<string, string>): Promise<void> {
  // The caret in the cell (ArrowRight at the end of a row's last cell would leave the row).
  await selectPhrase(page, cellText);
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('button', { name: 'Suggest a new row below' }).click();
  const form = page.getByRole('form', { name: 'Suggested new row' });
  for (const [column, text] of Object.entries(cells)) await form.getByLabel(column, { exact: true }).fill(text);
  await form.getByRole('button', { name: 'Suggest', exact: true }).click();
}

describe('A suggested new table row in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('a reviewer suggests rows from a form; the editor accepts one and rejects one, seen by both', async () => {
    const editor = await person(browser, server, 'Edwin Okafor');
    const reviewer = await person(browser, server, 'Rania Haddad');
    suite.keep(editor, reviewer);
    const { id } = await seedStructuredReport(server, editor.account, reviewer.account);
    const url = `${server.url}/reports/${id}`;
    await open(reviewer, url);
    await open(editor, url);
    const rp = reviewer.page;
    const ep = editor.page;
    await rp.getByTestId('suggest-tools').waitFor();

    // Outside a table there is no "+ Row"; in one, its form has a field per column, named by the first row.
    await caretAfter(rp, OPENING);
    expect(await rp.getByRole('button', { name: 'Suggest a new row below' }).count()).toBe(0);
    await suggestRowBelow(rp, '57', { Year: '2025', Evictions: '63' });
    await poll(() => card(rp, 'New table row').allInnerTexts()).toEqual([expect.stringContaining('2025 | 63')]);
    await suggestRowBelow(rp, '41', { Year: '2023 (revised)' });
    await poll(() => card(rp, 'New table row').count()).toBe(2);

    // Both see the pending rows in the table, below their rows; the content is unchanged.
    for (const p of [rp, ep]) {
      await poll(() => rows(p, 'tr')).toEqual([['Year', 'Evictions'], ['2023', '41'], ['2023 (revised)', ''], ['2024', '57'], ['2025', '63']]);
      await poll(() => rows(p, 'tr.rd-sugg-row')).toEqual([['2023 (revised)', ''], ['2025', '63']]);
    }
    const seeded = (await getContent(server.url, editor.account, id)).sections[0]!;
    expect(seeded.text).toBe(`${OPENING}\nWater\nSchools\nClinics\nYear\nEvictions\n2023\n41\n2024\n57\n${CLOSING}`);

    // The editor accepts the 2025 row: a real row of the table for both, on the server too.
    await card(ep, '2025 | 63').getByRole('button', { name: 'Accept' }).click();
    // And rejects the other: its pending row goes for both.
    await card(ep, '2023 (revised)').getByRole('button', { name: 'Reject' }).click();
    for (const p of [ep, rp]) {
      await poll(() => rows(p, 'tr')).toEqual([['Year', 'Evictions'], ['2023', '41'], ['2024', '57'], ['2025', '63']]);
      await poll(() => p.locator('.prose tr.rd-sugg-row').count()).toBe(0);
    }
    await eventually(
      () => getContent(server.url, editor.account, id),
      (c) => c.sections[0]!.text === `${OPENING}\nWater\nSchools\nClinics\nYear\nEvictions\n2023\n41\n2024\n57\n2025\n63\n${CLOSING}`,
      'the accepted row on the server',
    );

    // "Accept all" takes new rows too, each below its own row.
    await suggestRowBelow(rp, '63', { Evictions: '70' });
    await suggestRowBelow(rp, '41', { Year: '2023 (Q4)', Evictions: '12' });
    await poll(() => rows(ep, 'tr.rd-sugg-row')).toEqual([['2023 (Q4)', '12'], ['', '70']]);
    await ep.locator('.review-bar').getByRole('button', { name: 'Accept all' }).click();
    for (const p of [ep, rp]) {
      await poll(() => rows(p, 'tr')).toEqual([['Year', 'Evictions'], ['2023', '41'], ['2023 (Q4)', '12'], ['2024', '57'], ['2025', '63'], ['', '70']]);
      await poll(() => p.locator('.prose tr.rd-sugg-row').count()).toBe(0);
    }

    // "Reject all" takes them away, and the table stays as it is.
    await suggestRowBelow(rp, '57', { Year: '2024 (Q4)' });
    await suggestRowBelow(rp, '12', { Evictions: '5' });
    await poll(() => rows(ep, 'tr.rd-sugg-row').then((r) => r.length)).toBe(2);
    await ep.locator('.review-bar').getByRole('button', { name: 'Reject all' }).click();
    for (const p of [ep, rp]) {
      await poll(() => p.locator('.prose tr.rd-sugg-row').count()).toBe(0);
      expect(await rows(p, 'tr')).toEqual([['Year', 'Evictions'], ['2023', '41'], ['2023 (Q4)', '12'], ['2024', '57'], ['2025', '63'], ['', '70']]);
    }

    expect(editor.errors).toEqual([]);
    expect(reviewer.errors).toEqual([]);
  }, 180_000);
});
