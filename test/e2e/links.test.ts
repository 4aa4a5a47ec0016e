/**
 * Links in the editor follow the shared allow-list: a `javascript:` or UNC link that a stock y-websocket client
 * wrote into the document is shown without its address, a pasted one comes in as plain text, and the link form
 * refuses one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getSectionBody, listSections } from '../../shared/report/layout.ts';
import { connectClient, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';
import { openSection, openSignedIn, placeCaret, seedReport } from './exportSupport.ts';
import { useBrowserSuite, waitForEditorText, waitForSyncState, WAIT_MS } from './support.ts';

/** Every link in the open section: its text and the href it carries (null when it has none). */
function editorLinks(page: Page): Promise<{ text: string; href: string | null }[]> {
  return page.locator('.prose a').evaluateAll((links) => links.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') })));
}

describe('Links in the editor', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('shows unsafe links without their address, and refuses them on paste and in the link form', async () => {
    const user = await openSignedIn(browser, server);
    suite.keep(user);
    const { page, account } = user;
    const report = await seedReport(server, account, { title: 'Sources', mechanism: 'CERD', stateUnderReview: 'Freedonia' }, [{ title: 'Sources', paragraphs: [] }]);

    // A client that skips the editor writes the links straight into the section.
    const client = connectClient(server.wsUrl, report.id, account);
    await client.synced;
    const sectionId = listSections(client.doc)[0]!.id;
    const link = (text: string, href: string) => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });
    writeBody(
      getSectionBody(client.doc, sectionId)!,
      docOf(paragraph(link('script link', 'javascript:alert(1)'), ' and ', link('share link', '\\\\attacker\\share'), ' and ', link('survey', 'https://example.org/survey'))),
    );

    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Sources');
    await waitForEditorText(page, 'script link and share link and survey');
    expect(await editorLinks(page)).toEqual([
      { text: 'script link', href: '' },
      { text: 'share link', href: '' },
      { text: 'survey', href: 'https://example.org/survey' },
    ]);

    // Pasted HTML keeps its allowed link only.
    await placeCaret(page, 'end');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<p><a href="JaVaScRiPt:alert(2)">pasted script</a> <a href="file://server/share">pasted share</a> <a href="https://ohchr.org/">pasted web</a></p>');
      data.setData('text/plain', 'pasted script pasted share pasted web');
      document.querySelector('.prose .ProseMirror, .prose[contenteditable]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await waitForEditorText(page, 'pasted web');
    const body = getSectionBody(client.doc, sectionId)!;
    await waitFor(() => body.toString().includes('pasted web'), WAIT_MS, 'the pasted text on the other client');
    const stored = body.toString();
    expect(stored).not.toContain('alert(2)');
    expect(stored).not.toContain('file://');
    expect(stored).toContain('https://ohchr.org/');
    expect((await editorLinks(page)).filter((l) => l.text.startsWith('pasted'))).toEqual([{ text: 'pasted web', href: 'https://ohchr.org/' }]);

    // The link form refuses a script address and a UNC path, and says what it takes.
    await placeCaret(page, 'end');
    await page.keyboard.press('Enter');
    await page.keyboard.type('plain words');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Add link' }).click();
    for (const href of ['javascript:alert(3)', '\\\\attacker\\share']) {
      await page.getByLabel('Link address').fill(href);
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('Enter a web address (https://…) or an email address.').waitFor();
    }
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(body.toString()).not.toContain('alert(3)');
    expect(await editorLinks(page)).toHaveLength(4);
    client.destroy();
    expect(user.errors).toEqual([]);
  }, 120_000);
});
