/**
 * Issue 10 in the browser: in a blank CERD report from its template, article 5 is "tagged, not written"; the
 * author writes a sentence, selects a few words, chooses "Tag passage", finds ICERD article 5(e)(iii) by typing
 * "housing" (the report's treaty first), and coverage counts article 5 as addressed. The passage is marked in
 * the text, its tag shows with the caret in it, and removing it takes it off the text and the server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createReport, getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { eventually, poll, useBrowserSuite, waitForSyncState } from './support.ts';
import { openSection, openView, signedIn } from './treaty/support.ts';

function coverageItem(page: Page, id: string) {
  return page.locator(`[data-testid="coverage-item"][data-tag-id="${id}"]`);
}

describe('Passage tags in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('tags a selection with ICERD 5(e)(iii) found by "housing", and coverage counts article 5', async () => {
    const user = await signedIn(browser, server.url, 'Lena Horvat');
    suite.keep(user);
    const { page, account } = user;
    const report = await createReport(server.url, account, { title: 'Roma housing', mechanism: 'CERD', stateUnderReview: 'Freedonia', template: 'cerd' });
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');

    // The blank template's sections are tagged but say nothing: article 5 is not addressed yet.
    await openView(page, 'coverage');
    await poll(() => coverageItem(page, 'ICERD:5').innerText()).toContain('Tagged, not written');
    await poll(() => page.getByTestId('coverage-articles-summary').innerText()).toBe('0 of 7 articles addressed');

    await openView(page, 'sections');
    await openSection(page, 'Article 2');
    const prose = page.locator('.prose');
    await prose.click();
    await page.keyboard.type('Forty Roma families were evicted');
    // Select the last two words, as a person does with the keyboard.
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.getByTestId('tag-passage-button').click();
    const picker = page.getByRole('combobox', { name: 'Tag the selected words' });
    await poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await picker.pressSequentially('housing', { delay: 15 });
    const first = page.locator('.passage-controls .tag-picker__list [role="option"]').first();
    await poll(() => first.innerText()).toContain('ICERD article 5(e)(iii)');
    await picker.press('Enter');

    // Marked in the text, subtly, with the tag named on hover.
    const passage = page.locator('.prose .passage-tag[data-passage-tag="ICERD:5(e)(iii)"]');
    await poll(() => passage.innerText()).toBe('were evicted');
    await poll(() => page.locator('.prose [data-passage-tags="ICERD:5(e)(iii)"]').first().getAttribute('title')).toBe('Tagged: ICERD article 5(e)(iii)');
    await eventually(
      () => getContent(server.url, account, report.id),
      (c) => JSON.stringify(c.sections.find((s) => s.title === 'Article 2')?.passageTags) === JSON.stringify([{ tag: 'ICERD:5(e)(iii)', text: 'were evicted' }]),
      'the passage tag on the server',
    );

    // Coverage: article 5 is addressed by the passage in "Article 2".
    await openView(page, 'coverage');
    await poll(() => coverageItem(page, 'ICERD:5').getAttribute('data-addressed')).toBe('true');
    await poll(() => coverageItem(page, 'ICERD:5').innerText()).toContain('Article 2');
    await poll(() => page.getByTestId('coverage-articles-summary').innerText()).toBe('1 of 7 articles addressed');

    // With the caret in the passage its tag shows under the toolbar; removing it takes it off.
    await openView(page, 'sections');
    await openSection(page, 'Article 2');
    await page.locator('.prose .passage-tag').click();
    const controls = page.getByTestId('passage-tag-controls');
    await poll(() => controls.getByTestId('tag-chip').getAttribute('data-tag-id')).toBe('ICERD:5(e)(iii)');
    await controls.getByRole('button', { name: /Remove/ }).click();
    await poll(() => page.locator('.prose .passage-tag').count()).toBe(0);
    await eventually(
      () => getContent(server.url, account, report.id),
      (c) => c.sections.find((s) => s.title === 'Article 2')?.passageTags.length === 0,
      'the passage tag removed on the server',
    );
    await openView(page, 'coverage');
    await poll(() => page.getByTestId('coverage-articles-summary').innerText()).toBe('0 of 7 articles addressed');
    expect(user.errors).toEqual([]);
  });
});
