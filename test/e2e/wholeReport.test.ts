/**
 * The whole report as one document (issue 10): every section scrolls in one view, rendered as it comes near the
 * viewport; editing, carets and comments work per section as in the one-section view; the outline jumps.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { eventually, poll, useBrowserSuite } from './support.ts';
import { person, seedReport } from './reviewSupport.ts';

const inWhole = (page: Page, sectionId: string) => page.locator(`.whole-report [data-section-id="${sectionId}"]`);
const proseOf = (page: Page, sectionId: string) => inWhole(page, sectionId).locator('.prose');

/** A section's text as a reader sees it (co-authors' caret labels left out). */
function sectionText(page: Page, sectionId: string): Promise<string> {
  return page.evaluate((id) => {
    const prose = document.querySelector(`.whole-report [data-section-id="${id}"] .prose`);
    if (!prose) return '';
    const copy = prose.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((el) => el.remove());
    return copy.textContent ?? '';
  }, sectionId);
}

async function openWhole(page: Page, url: string): Promise<void> {
  await page.goto(`${url}?layout=whole`);
  await page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
  await page.getByTestId('whole-report').waitFor();
}

/** Select `phrase` inside one section's text, as a mouse drag would. */
async function selectIn(page: Page, sectionId: string, phrase: string): Promise<void> {
  await proseOf(page, sectionId).waitFor();
  const ok = await page.evaluate(
    ([id, needle]) => {
      const root = document.querySelector<HTMLElement>(`.whole-report [data-section-id="${id}"] .prose`);
      const walker = root && document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker?.nextNode(); n; n = walker!.nextNode()) {
        const at = (n as Text).data.indexOf(needle!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle!.length);
        root!.focus();
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return true;
      }
      return false;
    },
    [sectionId, phrase],
  );
  if (!ok) throw new Error(`"${phrase}" not found in section ${sectionId}`);
}

function longSection(i: number): { title: string; paragraphs: string[] } {
  const sentence = `Paragraph about article ${i + 1}: the State party should ensure equal access to housing, education and justice for everyone.`;
  return { title: `Article ${i + 1}`, paragraphs: Array.from({ length: 10 }, () => `${sentence} ${sentence} ${sentence}`) };
}

describe('The whole report as one document', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('lets two people, one on a phone, edit different sections and see each other’s text and carets', async () => {
    const amina = await person(browser, server, 'Amina Diallo');
    const bruno = await person(browser, server, 'Bruno Costa', { width: 390, height: 844 });
    suite.keep(amina, bruno);
    const { id, sectionIds } = await seedReport(
      server,
      amina.account,
      [
        { title: 'Introduction', paragraphs: ['This submission covers housing.'] },
        { title: 'Right to housing', paragraphs: ['Evictions rose in 2025.'] },
      ],
      [{ who: bruno.account, role: 'editor' }],
    );
    const [intro, housing] = sectionIds as [string, string];
    const url = `${server.url}/reports/${id}`;
    await openWhole(amina.page, url);
    // Bruno opens the one-section view and switches; the address keeps the choice.
    await bruno.page.goto(url);
    await bruno.page.locator('[data-testid="sync-status"][data-state="synced"]').waitFor();
    await bruno.page.getByRole('button', { name: 'Whole report' }).click();
    await bruno.page.getByTestId('whole-report').waitFor();
    expect(new URL(bruno.page.url()).searchParams.get('layout')).toBe('whole');
    expect(await bruno.page.getByRole('button', { name: 'Whole report' }).getAttribute('aria-pressed')).toBe('true');

    // Both sections are on screen in both views, each an editable text of its own.
    for (const page of [amina.page, bruno.page]) {
      await poll(() => page.locator('.whole-report .ProseMirror[contenteditable="true"]').count()).toBe(2);
    }

    await proseOf(amina.page, intro).click();
    await amina.page.keyboard.press('Control+End');
    await amina.page.keyboard.type(' Amina adds a line.');
    await proseOf(bruno.page, housing).click();
    await bruno.page.keyboard.press('Control+End');
    await bruno.page.keyboard.type(' Bruno adds figures.');

    await poll(() => sectionText(bruno.page, intro)).toBe('This submission covers housing. Amina adds a line.');
    await poll(() => sectionText(amina.page, housing)).toBe('Evictions rose in 2025. Bruno adds figures.');
    // Each one's caret is drawn in the section they are typing in, with their name.
    await poll(() => inWhole(amina.page, housing).locator('.collaboration-carets__label').allInnerTexts()).toEqual(['Bruno Costa']);
    await poll(() => inWhole(bruno.page, intro).locator('.collaboration-carets__label').allInnerTexts()).toEqual(['Amina Diallo']);
    expect(await inWhole(amina.page, intro).locator('.collaboration-carets__label').count()).toBe(0);
    // ... and the outline says who is in which section.
    await poll(() => amina.page.locator(`.outline [data-section-id="${housing}"] [data-testid="peer-dots"]`).getAttribute('aria-label')).toContain('Bruno Costa');

    await eventually(
      () => getContent(server.url, amina.account, id),
      (c) => c.sections[0]!.text.endsWith('Amina adds a line.') && c.sections[1]!.text.endsWith('Bruno adds figures.'),
      'both edits on the server',
    );
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  });

  it('renders far sections only when scrolled near, and jumps to a section chosen in the outline, ready to edit', async () => {
    const amina = suite.keep(await person(browser, server, 'Amina Diallo'));
    const { id, sectionIds } = await seedReport(server, amina.account, Array.from({ length: 24 }, (_, i) => longSection(i)));
    await openWhole(amina.page, `${server.url}/reports/${id}`);
    await proseOf(amina.page, sectionIds[0]!).waitFor();

    // Far sections are placeholders: no editor in the page for them.
    const far = sectionIds[20]!;
    expect(await inWhole(amina.page, far).getAttribute('data-mounted')).toBe('false');
    expect(await inWhole(amina.page, far).locator('.ProseMirror').count()).toBe(0);
    expect(await inWhole(amina.page, far).getByTestId('section-placeholder').count()).toBe(1);
    expect(await amina.page.locator('.whole-report .ProseMirror').count()).toBeLessThan(sectionIds.length);
    // Every section's heading is there all the same: the document reads as a whole.
    // (Counted by the section-title class: each mounted editor also holds its closed dialogs, which have h2 titles.)
    expect(await amina.page.locator('.whole-report h2.whole-section__title').count()).toBe(sectionIds.length);

    // Scrolling down brings the next sections near: they render.
    const later = sectionIds[6]!;
    expect(await inWhole(amina.page, later).locator('.ProseMirror').count()).toBe(0);
    await amina.page.evaluate((sid) => {
      document.querySelector(`.whole-report [data-section-id="${sid}"]`)!.scrollIntoView({ block: 'start' });
    }, later);
    await proseOf(amina.page, later).waitFor();

    // The outline jumps to a far section; it is on screen and editable.
    await amina.page.locator(`.outline [data-section-id="${far}"] .outline-item__select`).click();
    const editable = inWhole(amina.page, far).locator('.ProseMirror[contenteditable="true"]');
    await editable.waitFor();
    await poll(() =>
      amina.page.evaluate((sid) => {
        const heading = document.querySelector(`.whole-report [data-section-id="${sid}"] h2`)!.getBoundingClientRect();
        return heading.top >= 0 && heading.bottom <= window.innerHeight;
      }, far),
    ).toBe(true);
    expect(await amina.page.locator(`.outline [data-section-id="${far}"] .outline-item__select`).getAttribute('aria-current')).toBe('true');
    await editable.click();
    await amina.page.keyboard.press('Control+Home');
    await amina.page.keyboard.type('Updated: ');
    await eventually(
      () => getContent(server.url, amina.account, id),
      (c) => c.sections[20]!.text.startsWith('Updated: Paragraph about article 21'),
      'the edit of the far section on the server',
    );
    // The sections it passed over on the way are still placeholders.
    expect(await inWhole(amina.page, sectionIds[13]!).locator('.ProseMirror').count()).toBe(0);
    expect(amina.errors).toEqual([]);
  });

  it('lets a comment be added in the whole-report view, beside its own section', async () => {
    const amina = suite.keep(await person(browser, server, 'Amina Diallo'));
    const { id, sectionIds } = await seedReport(server, amina.account, [
      { title: 'Introduction', paragraphs: ['A short introduction.'] },
      { title: 'Education', paragraphs: [...Array.from({ length: 5 }, (_, i) => `Background paragraph ${i + 1} on access to schools.`), 'Roma pupils face segregation in schools.'] },
    ]);
    await openWhole(amina.page, `${server.url}/reports/${id}`);
    const education = sectionIds[1]!;
    await selectIn(amina.page, education, 'segregation in schools');
    await amina.page.keyboard.press('Control+Alt+m');
    const composer = amina.page.getByRole('combobox', { name: 'Comment' });
    await composer.fill('Which schools? Add a source.');
    await amina.page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
    await inWhole(amina.page, education).locator('.review-margin').getByTestId('thread').filter({ hasText: 'Which schools?' }).waitFor();
    await poll(() => inWhole(amina.page, education).locator('.prose .rd-comment').allInnerTexts()).toEqual(['segregation in schools']);
    expect(await inWhole(amina.page, sectionIds[0]!).locator('.review-margin [data-testid="thread"]').count()).toBe(0);
    // Nothing typed for the comment reached the text.
    expect((await getContent(server.url, amina.account, id)).sections[1]!.text.endsWith('Background paragraph 5 on access to schools.\nRoma pupils face segregation in schools.')).toBe(true);
    // Writing in another section, the comment stays beside its words (not at the top of its section's margin).
    await proseOf(amina.page, sectionIds[0]!).click();
    const offset = () =>
      amina.page.evaluate((sid) => {
        const section = document.querySelector(`.whole-report [data-section-id="${sid}"]`)!;
        const card = section.querySelector('.review-margin .margin-card')!.getBoundingClientRect();
        const words = section.querySelector('.prose .rd-comment')!.getBoundingClientRect();
        return Math.abs(card.top - words.top) < 40;
      }, education);
    await poll(offset).toBe(true);
    expect(amina.errors).toEqual([]);
  });
});
