/**
 * Screenshots of every review screen and state at laptop (1280x800) and phone (390x844) sizes, for looking
 * at, not asserting: `npx vite build && node --import tsx test/e2e/screens/review.ts [outDir]`.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, launchBrowser, waitForSyncState } from '../support.ts';
import { person, seedReport, selectPhrase, caretAfter } from '../reviewSupport.ts';

const out = path.resolve(process.argv[2] ?? 'test-results/review-screens');
fs.mkdirSync(out, { recursive: true });

const storage = await createTestStorage('sqlite');
const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
const browser = await launchBrowser();
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log('saved', name);
};

try {
  for (const [size, viewport] of [
    ['laptop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const editor = await person(browser, server, 'Edwin Okafor', viewport);
    const reviewer = await person(browser, server, 'Rania Haddad', viewport);
    const { id } = await seedReport(
      server,
      editor.account,
      [
        {
          title: 'Right to education',
          paragraphs: [
            'Roma pupils face systematic segregation in schools across the eastern provinces, where separate classes are still common.',
            'The State should consider adopting a law that prohibits segregation in education and provides remedies to the families affected.',
            'In 2024 the ombudsman received 214 complaints about admissions, three times as many as in 2021.',
          ],
        },
        { title: 'Recommendations', paragraphs: ['Adopt an action plan with measurable targets.'] },
      ],
      [{ who: reviewer.account, role: 'reviewer' }],
    );
    const url = `${server.url}/reports/${id}`;
    for (const p of [editor, reviewer]) {
      await p.page.goto(url);
      await waitForSyncState(p.page, 'synced');
    }
    await shot(reviewer.page, `${size}-01-reviewer-opens`);

    await selectPhrase(reviewer.page, 'systematic segregation');
    await shot(reviewer.page, `${size}-02-selection-comment-button`);
    await reviewer.page.keyboard.press('Control+Alt+m');
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).fill('Which schools? Add a source. @Ed');
    await shot(reviewer.page, `${size}-03-composer-mention`);
    await reviewer.page.keyboard.press('Enter');
    await reviewer.page.getByRole('button', { name: 'Comment', exact: true }).last().click();
    await shot(reviewer.page, `${size}-04-thread-created`);

    await selectPhrase(reviewer.page, 'should consider adopting');
    await reviewer.page.keyboard.type('must adopt');
    await caretAfter(reviewer.page, 'three times');
    await reviewer.page.keyboard.type(' as many');
    await selectPhrase(reviewer.page, '214');
    await reviewer.page.keyboard.type('two hundred and fourteen');
    await selectPhrase(reviewer.page, 'separate classes are still common');
    await reviewer.page.keyboard.press('Control+Alt+m');
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).fill('Is this still true after the 2023 reform?');
    await reviewer.page.getByRole('combobox', { name: 'Comment' }).press('Control+Enter');
    await shot(reviewer.page, `${size}-05-suggestions`);

    await editor.page.bringToFront();
    await editor.page.waitForTimeout(600);
    await shot(editor.page, `${size}-06-editor-sees-review`);

    // The editor opens the first thread and writes a reply.
    if (size === 'laptop') {
      const thread = editor.page.locator('.review-margin').getByTestId('thread').first();
      await thread.click();
      await thread.getByRole('combobox', { name: 'Reply' }).fill('Source: ombudsman report 2024, p. 12.');
      await shot(editor.page, `${size}-06b-thread-active-reply`);
      await thread.getByRole('button', { name: 'Reply' }).click();
    } else {
      await editor.page.locator('.prose .rd-comment').first().click();
      await editor.page.getByTestId('review-panel').waitFor();
      await shot(editor.page, `${size}-06b-thread-active-in-panel`);
      const thread = editor.page.getByTestId('review-panel').getByTestId('thread').first();
      await thread.getByRole('combobox', { name: 'Reply' }).fill('Source: ombudsman report 2024, p. 12.');
      await thread.getByRole('button', { name: 'Reply' }).click();
      await editor.page.getByRole('button', { name: 'Close review panel' }).click();
    }
    // The editor changes "214" (the suggestion becomes stale) and deletes a commented phrase (detached).
    await selectPhrase(editor.page, '214');
    await editor.page.keyboard.type('241');
    await selectPhrase(editor.page, ', where separate classes are still common');
    await editor.page.keyboard.press('Backspace');
    await editor.page.waitForTimeout(500);
    await shot(editor.page, `${size}-06c-stale-and-detached`);
    await editor.page.getByTestId('review-toggle').click();
    await shot(editor.page, `${size}-07-panel-comments`);
    await editor.page.getByText('Needs my attention').click();
    await editor.page.waitForTimeout(500);
    await shot(editor.page, `${size}-07b-panel-attention`);
    await editor.page.getByText('Needs my attention').click();
    await editor.page.getByRole('tab', { name: 'Suggestions' }).click();
    await shot(editor.page, `${size}-08-panel-suggestions`);
    await editor.page.getByRole('tab', { name: 'Versions' }).click();
    await shot(editor.page, `${size}-09-panel-versions`);
    await editor.page.getByRole('button', { name: 'Save version…' }).click();
    await editor.page.getByRole('textbox', { name: 'Name' }).fill('Sent to OHCHR, 15 March');
    await shot(editor.page, `${size}-10-save-version`);
    await editor.page.getByRole('button', { name: 'Save version', exact: true }).click();
    await editor.page.getByTestId('version').first().waitFor();
    await shot(editor.page, `${size}-11-versions-list`);
    await editor.page.getByRole('button', { name: 'Close review panel' }).click();
    // Accept one suggestion, then compare the saved version with now.
    const accept = editor.page.getByRole('button', { name: 'Accept', exact: true }).first();
    if (size === 'laptop') await accept.click();
    else {
      await editor.page.getByTestId('review-toggle').click();
      await editor.page.getByRole('tab', { name: 'Suggestions' }).click();
      await accept.click();
      await editor.page.getByRole('tab', { name: 'Versions' }).click();
    }
    await shot(editor.page, `${size}-11b-after-accept`);
    if (size === 'laptop') {
      await editor.page.getByTestId('review-toggle').click();
      await editor.page.getByRole('tab', { name: 'Versions' }).click();
    }
    await editor.page.getByRole('button', { name: /^Open “Sent/ }).first().click();
    await editor.page.getByTestId('version-viewer').locator('.version-doc').waitFor();
    await shot(editor.page, `${size}-12-version-viewer`);
    await editor.page.keyboard.press('Escape');
    await editor.page.getByRole('button', { name: /^Compare “Sent.*” with now/ }).first().click();
    await editor.page.getByTestId('compare-view').getByTestId('diff-section').first().waitFor();
    await shot(editor.page, `${size}-13-compare`);
    await editor.page.keyboard.press('Escape');
    await editor.page.getByRole('button', { name: /^Restore “Sent/ }).first().click();
    await shot(editor.page, `${size}-14-restore-dialog`);
    await editor.page.getByRole('button', { name: 'Restore version' }).click();
    await editor.page.getByTestId('version').filter({ hasText: 'Before restoring' }).waitFor();
    await shot(editor.page, `${size}-14b-restored`);
    await editor.page.getByRole('tab', { name: 'Comments' }).click();
    await editor.page.getByLabel('Status').selectOption('all');
    await shot(editor.page, `${size}-14c-all-threads`);
    await editor.page.getByRole('button', { name: 'Close review panel' }).click();

    const switchEl = editor.page.getByRole('switch', { name: 'Suggesting' });
    await switchEl.click();
    await shot(editor.page, `${size}-15-editor-suggesting-mode`);
    await switchEl.click();
    const viewer = await person(browser, server, 'Vik Sharma', viewport);
    await fetch(`${server.url}/api/reports/${id}/members`, {
      method: 'POST',
      headers: { cookie: editor.account.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ email: viewer.account.email, role: 'viewer' }),
    });
    await viewer.page.goto(url);
    await waitForSyncState(viewer.page, 'synced');
    await shot(viewer.page, `${size}-16-viewer`);
    await viewer.context.close();
    await editor.context.close();
    await reviewer.context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await storage.destroy();
}
