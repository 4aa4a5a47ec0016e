/**
 * Footnotes in the editor: inserted from the toolbar and with Ctrl+Alt+F, written in their panel, numbered in
 * document order across sections, and renumbered when a section moves or a note is removed. The notes reach the
 * server as content of their sections.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { markerNumbers, openSection, openSignedIn, placeCaret, seedReport, type SignedInPage } from './exportSupport.ts';
import { eventually, poll, waitForSyncState, useBrowserSuite } from './support.ts';

function outlineTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid="outline-item"] .outline-item__title').allInnerTexts();
}

function noteList(page: Page): Promise<string[]> {
  return page.locator('[data-testid="footnote-list"] li').allInnerTexts().then((items) => items.map((t) => t.replace(/\s+/g, ' ').trim()));
}

describe('Footnotes', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  let user: SignedInPage | undefined;
  beforeAll(() => ({ server, browser } = suite));

  it('numbers notes across sections and renumbers them when a section moves or a note is removed', async () => {
    user = await openSignedIn(browser, server);
    suite.keep(user);
    const { page, account } = user;
    const report = await seedReport(server, account, { title: 'Detention conditions', mechanism: 'CAT', stateUnderReview: 'Freedonia' }, [
      { title: 'Overcrowding', paragraphs: ['Cells hold three times their capacity.'] },
      { title: 'Health care', paragraphs: ['Detainees wait weeks for a doctor.'] },
    ]);
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');

    // A note from the toolbar in the first section: its panel opens with the caret in it.
    await openSection(page, 'Overcrowding');
    await placeCaret(page, 'end');
    await page.getByRole('button', { name: 'Insert footnote' }).click();
    const panel = page.getByTestId('footnote-popover');
    await panel.waitFor();
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Text of footnote 1');
    await page.keyboard.type('Prison inspectorate, annual report 2023.');
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    expect(await markerNumbers(page)).toEqual(['1']);
    await poll(() => noteList(page)).toEqual(['1 Prison inspectorate, annual report 2023.']);

    // A note with the keyboard shortcut in the second section continues the numbering.
    await openSection(page, 'Health care');
    await placeCaret(page, 'end');
    await page.keyboard.press('Control+Alt+f');
    await panel.waitFor();
    await page.keyboard.type('Interviews with 40 former detainees.');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await poll(() => markerNumbers(page)).toEqual(['2']);
    await poll(() => noteList(page)).toEqual(['2 Interviews with 40 former detainees.']);

    // Both notes are content of their sections on the server.
    await eventually(
      () => getContent(server.url, account, report.id),
      (c) => JSON.stringify(c.sections.map((s) => s.notes)) === JSON.stringify([['Prison inspectorate, annual report 2023.'], ['Interviews with 40 former detainees.']]),
      'both notes on the server',
    );

    // Move "Health care" first: its note becomes 1, the other 2.
    await page.locator('[data-testid="outline-item"]').filter({ hasText: 'Health care' }).locator('.outline-item__select').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await poll(() => outlineTitles(page)).toEqual(['Health care', 'Overcrowding']);
    await poll(() => markerNumbers(page)).toEqual(['1']);
    await openSection(page, 'Overcrowding');
    await poll(() => markerNumbers(page)).toEqual(['2']);

    // A second note before the first one in the same section: the later one becomes 3.
    await placeCaret(page, 'start');
    await page.keyboard.press('Control+Alt+f');
    await panel.waitFor();
    await page.keyboard.type('Ombudsman visit, May 2024.');
    await page.keyboard.press('Enter');
    await poll(() => markerNumbers(page)).toEqual(['2', '3']);
    await poll(() => noteList(page)).toEqual(['2 Ombudsman visit, May 2024.', '3 Prison inspectorate, annual report 2023.']);

    // Remove the note of "Health care" from its panel: the notes of "Overcrowding" become 1 and 2.
    await openSection(page, 'Health care');
    await page.locator('.prose [data-testid="footnote-ref"]').click();
    await panel.getByRole('button', { name: 'Remove note' }).click();
    await poll(() => markerNumbers(page)).toEqual([]);
    expect(await page.getByTestId('footnote-list').count()).toBe(0);
    await openSection(page, 'Overcrowding');
    await poll(() => markerNumbers(page)).toEqual(['1', '2']);

    // Edit a note's text from the list under the section: the change is the section's content on the server.
    await page.getByRole('button', { name: /^Footnote 2: Prison inspectorate/ }).click();
    await panel.waitFor();
    await page.keyboard.type(' Page 12.');
    await page.keyboard.press('Enter');
    await eventually(
      () => getContent(server.url, account, report.id),
      (c) =>
        JSON.stringify(c.sections.map((s) => s.notes)) === JSON.stringify([[], ['Ombudsman visit, May 2024.', 'Prison inspectorate, annual report 2023. Page 12.']]),
      'the notes after the moves and edits on the server',
    );
    expect(user.errors).toEqual([]);
  }, 120_000);

  it('merges two people writing in one note while its panel is open', async () => {
    user ??= suite.keep(await openSignedIn(browser, server));
    const { account } = user;
    const report = await seedReport(server, account, { title: 'Freedom of expression', mechanism: 'CCPR', stateUnderReview: 'Freedonia' }, [
      { title: 'Journalists', paragraphs: ['Twelve journalists were detained.'] },
    ]);
    const amina = user;
    const bruno = await openSignedIn(browser, server, { width: 1280, height: 800 }, account);
    try {
      for (const { page } of [amina, bruno]) {
        await page.goto(`${server.url}/reports/${report.id}`);
        await waitForSyncState(page, 'synced');
      }
      const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      await placeCaret(amina.page, 'end');
      await amina.page.keyboard.press('Control+Alt+f');
      await poll(() => focused(amina.page)).toBe('Text of footnote 1');
      await amina.page.keyboard.type('Press freedom index.');
      await eventually(
        () => getContent(server.url, account, report.id),
        (c) => c.sections[0]?.notes[0] === 'Press freedom index.',
        'the note on the server',
      );
      await poll(() => markerNumbers(bruno.page)).toEqual(['1']);

      // Bruno opens the same note and writes in it while Amina's panel stays open with her caret in it.
      await bruno.page.locator('.prose [data-testid="footnote-ref"]').click();
      const brunoInput = bruno.page.getByTestId('footnote-popover').getByRole('textbox');
      await poll(() => brunoInput.innerText()).toBe('Press freedom index.');
      await poll(() => focused(bruno.page)).toBe('Text of footnote 1');
      await bruno.page.keyboard.type(' RSF, 2024.');
      const aminaInput = amina.page.getByTestId('footnote-popover').getByRole('textbox');
      await poll(() => aminaInput.innerText()).toBe('Press freedom index. RSF, 2024.');
      // Amina's caret was where Bruno wrote: it moves on past his words, and she goes on writing after them.
      expect(await focused(amina.page)).toBe('Text of footnote 1');
      await amina.page.keyboard.type(' Accessed in May.');
      await poll(() => brunoInput.innerText()).toBe('Press freedom index. RSF, 2024. Accessed in May.');
      await eventually(
        () => getContent(server.url, account, report.id),
        (c) => c.sections[0]?.notes[0] === 'Press freedom index. RSF, 2024. Accessed in May.',
        'the merged note on the server',
      );
      expect([...amina.errors, ...bruno.errors]).toEqual([]);
    } finally {
      await bruno.context.close();
    }
  }, 120_000);
});
