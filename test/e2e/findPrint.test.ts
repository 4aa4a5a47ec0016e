/**
 * Find and replace across the whole report, and Print. Find counts matches in every section (footnotes included),
 * next opens the section that holds a match and highlights it; Replace all reaches a co-author's open page and the
 * server, and Undo takes it back in one step; a viewer finds but cannot replace. Print draws the whole report
 * (cover, every section, paragraph numbers, notes) and nothing of the app: Chromium's PDF of the page in print
 * media, read back by pdftotext.
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PmNode } from '../../shared/report/content.ts';
import { getCoverFields, setCoverFields } from '../../shared/report/coverFields.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { editorExtensions } from '../../shared/schema/extensions.ts';
import { api, connectClient, createReport, getContent, type TestUser } from '../helpers/clients.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import type { TestServer } from '../helpers/server.ts';
import { openSection, seedSampleReport } from './exportSupport.ts';
import { person, type Person } from './reviewSupport.ts';
import { eventually, poll, useBrowserSuite, waitForSyncState } from './support.ts';

const schema = getSchema(editorExtensions());
const text = (t: string): PmNode => ({ type: 'text', text: t });
const para = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const note = (t: string): PmNode => ({ type: 'footnote', content: [text(t)] });

/** Two sections with "police" in text and a footnote, and one without. */
async function seedPoliceReport(server: TestServer, owner: TestUser, members: { who: TestUser; role: string }[]): Promise<string> {
  const report = await createReport(server.url, owner, { title: 'Policing in Freedonia', mechanism: 'CAT', stateUnderReview: 'Freedonia' });
  for (const m of members) {
    const res = await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: m.who.email, role: m.role } });
    if (res.status !== 201) throw new Error(`granting ${m.role} failed: ${res.status}`);
  }
  const client = connectClient(server.wsUrl, report.id, owner);
  await client.synced;
  const sections: [string, PmNode[]][] = [
    ['Detention', [para(text('Police held 40 people. The police refused visits.'), note('Police records, 2024.'))]],
    ['Access to justice', [para(text('Complaints against the police are rarely heard.'))]],
    ['Recommendations', [para(text('Open every place of detention to inspection.'))]],
  ];
  for (const [title, content] of sections) {
    const id = addSection(client.doc, { title });
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, getSectionBody(client.doc, id)!);
  }
  await eventually(() => getContent(server.url, owner, report.id), (c) => c.sections.length === 3, 'the seeded report on the server');
  client.destroy();
  return report.id;
}

const findBar = (page: Page) => page.getByTestId('find-bar');
const count = (page: Page) => page.getByTestId('find-count').innerText();
const heading = (page: Page) => page.locator('#section-heading').innerText();
const editorText = (page: Page) => page.locator('.prose').innerText().then(squash);

describe('Find and replace', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('finds across sections and a footnote, replaces all for everyone, undoes in one step; a viewer and a reviewer cannot replace', async () => {
    const amina: Person = suite.keep(await person(browser, server, 'Amina Diallo'));
    const bruno: Person = suite.keep(await person(browser, server, 'Bruno Costa'));
    const carla: Person = suite.keep(await person(browser, server, 'Carla Mendes'));
    const dara: Person = suite.keep(await person(browser, server, 'Dara Okafor'));
    const reportId = await seedPoliceReport(server, amina.account, [
      { who: bruno.account, role: 'editor' },
      { who: carla.account, role: 'viewer' },
      { who: dara.account, role: 'reviewer' },
    ]);
    const url = `${server.url}/reports/${reportId}`;

    // Bruno has the second section open while Amina works.
    await bruno.page.goto(url);
    await waitForSyncState(bruno.page, 'synced');
    await openSection(bruno.page, 'Access to justice');

    const { page } = amina;
    await page.goto(url);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Detention');
    await page.locator('.prose').click();

    // Ctrl+F opens the report's find bar with the field focused.
    await page.keyboard.press('Control+f');
    await findBar(page).waitFor();
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find in report');
    await page.keyboard.type('police');
    // Two in the first section's text, one in its footnote, one in the second section.
    await poll(() => count(page)).toBe('1 of 4');
    await poll(() => page.locator('.prose .find-match').count()).toBe(2);
    expect(await page.locator('.prose .find-match--current').innerText()).toBe('Police');

    await page.keyboard.press('Enter');
    await poll(() => count(page)).toBe('2 of 4');
    await page.keyboard.press('Enter');
    await poll(() => count(page)).toBe('3 of 4');
    await poll(() => findBar(page).innerText()).toContain('In a footnote of “Detention”');
    // Next opens the section holding the match and highlights it in view.
    await page.keyboard.press('Enter');
    await poll(() => count(page)).toBe('4 of 4');
    await poll(() => heading(page)).toBe('Access to justice');
    const current = page.locator('.prose .find-match--current');
    await poll(() => current.innerText()).toBe('police');
    expect(await current.isVisible()).toBe(true);
    // And around again to the first.
    await page.keyboard.press('Enter');
    await poll(() => heading(page)).toBe('Detention');
    await poll(() => count(page)).toBe('1 of 4');

    // Match case and whole word.
    await page.getByLabel('Match case').check();
    await poll(() => count(page)).toMatch(/ of 2$/);
    await page.getByLabel('Match case').uncheck();
    await page.getByLabel('Find in report', { exact: true }).fill('polic');
    await poll(() => count(page)).toBe('1 of 4');
    await page.getByLabel('Whole word').check();
    await poll(() => count(page)).toBe('No matches');
    await page.getByLabel('Whole word').uncheck();

    // Ctrl+H shows the replace row; Replace all changes every section and the footnote.
    await page.getByLabel('Find in report', { exact: true }).fill('police');
    await page.keyboard.press('Control+h');
    await page.getByLabel('Replace with').fill('security forces');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await poll(() => page.getByTestId('find-done').innerText()).toBe('Replaced 4 matches.');
    await poll(() => count(page)).toBe('No matches');
    await poll(() => editorText(page)).toContain('security forces held 40 people. The security forces refused visits.');

    // Bruno's open section shows it, and the server has all of it, the footnote included.
    await poll(() => editorText(bruno.page)).toContain('Complaints against the security forces are rarely heard.');
    const replaced = await eventually(
      () => getContent(server.url, amina.account, reportId),
      (c) => c.sections[1]!.text.includes('security forces') && c.sections[0]!.notes[0] === 'security forces records, 2024.',
      'the replacement on the server',
    );
    expect(replaced.sections.map((s) => s.text).join(' ')).not.toMatch(/police/i);

    // Undo takes back the whole Replace all at once.
    await page.getByRole('button', { name: 'Undo replace' }).click();
    await eventually(
      () => getContent(server.url, amina.account, reportId),
      (c) => c.sections[0]!.text === 'Police held 40 people. The police refused visits.' && c.sections[0]!.notes[0] === 'Police records, 2024.' && c.sections[1]!.text.includes('the police'),
      'the undone replacement on the server',
    );
    await poll(() => editorText(bruno.page)).toContain('Complaints against the police are rarely heard.');

    // The matches are back, none selected yet.
    await poll(() => count(page)).toBe('4 matches');

    // Replace one: the current match only.
    await page.getByLabel('Find in report', { exact: true }).fill('');
    await page.getByLabel('Find in report', { exact: true }).fill('visits');
    await poll(() => count(page)).toBe('1 of 1');
    await page.getByLabel('Replace with').fill('inspections');
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await poll(() => count(page)).toBe('No matches');
    await poll(() => editorText(page)).toContain('The police refused inspections.');

    // Escape closes the bar and gives the text the keyboard.
    await page.getByLabel('Find in report', { exact: true }).focus();
    await page.keyboard.press('Escape');
    await findBar(page).waitFor({ state: 'detached' });
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true);

    // A viewer finds, but the replace row explains instead of offering a field.
    await carla.page.goto(url);
    await carla.page.locator('#section-heading').waitFor();
    await carla.page.getByTestId('find-button').click();
    await carla.page.getByLabel('Find in report', { exact: true }).fill('police');
    await poll(() => count(carla.page)).toBe('1 of 4');
    await carla.page.getByRole('button', { name: 'Replace…' }).click();
    await poll(() => carla.page.getByTestId('find-replace-blocked').innerText()).toContain('viewers read the report without changing it');
    expect(await carla.page.getByLabel('Replace with').count()).toBe(0);
    expect(await carla.page.getByRole('button', { name: 'Replace all' }).count()).toBe(0);

    // A reviewer too, pointed to suggesting instead; Ctrl+H opens the bar with the explanation.
    await dara.page.goto(url);
    await dara.page.locator('#section-heading').waitFor();
    await dara.page.locator('.prose').click();
    await dara.page.keyboard.press('Control+h');
    await findBar(dara.page).waitFor();
    await poll(() => dara.page.getByTestId('find-replace-blocked').innerText()).toContain('select the text and suggest it');
    expect(await dara.page.getByLabel('Replace with').count()).toBe(0);

    for (const p of [amina, bruno, carla, dara]) expect(p.errors).toEqual([]);
  });
});

describe('Print', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  let office: Office;
  beforeAll(() => {
    ({ server, browser } = suite);
    office = createOffice();
  });
  afterAll(() => office?.dispose());

  it('prints the cover, every section with numbered paragraphs and the notes, and none of the app', async () => {
    const amina: Person = suite.keep(await person(browser, server, 'Amina Diallo'));
    const report = await seedSampleReport(server, amina.account, { title: 'Roma children in Freedonia’s schools', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
    // Paragraph numbering on; a second client receiving it shows the server stored it (relays follow the store).
    const client = connectClient(server.wsUrl, report.id, amina.account);
    const watcher = connectClient(server.wsUrl, report.id, amina.account);
    await Promise.all([client.synced, watcher.synced]);
    setCoverFields(client.doc, { paragraphNumbering: true });
    await eventually(async () => getCoverFields(watcher.doc).paragraphNumbering, (on) => on, 'paragraph numbering on the server');
    client.destroy();
    watcher.destroy();

    const { page } = amina;
    // The print dialog itself is the browser's; the test reads the page in print media instead.
    await page.addInitScript('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Access to education');
    await page.getByTestId('print-button').click();
    await poll(() => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0)).toBe(1);

    const pdf = squash(await office.pdfText(await page.pdf({ format: 'A4' })));
    // The cover.
    expect(pdf).toContain('Roma children in Freedonia’s schools');
    expect(pdf).toContain('Committee on the Elimination of Racial Discrimination');
    expect(pdf).toContain('Freedonia');
    expect(pdf).toContain('Roma Rights Centre');
    expect(pdf).toContain('Equal Schools Network');
    // Every section, in order, though only one is open in the editor.
    const order = ['Introduction', 'Background of the survey', 'Access to education', 'Testimonies in other languages'].map((t) => pdf.indexOf(t));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Numbered paragraphs and a note at the end.
    expect(pdf).toMatch(/1\. ?Roma children are segregated/);
    expect(pdf).toMatch(/2\. ?The coalition visited forty schools/);
    expect(pdf).toContain('European Roma Rights Centre, school survey 2023.');
    expect(pdf.indexOf('European Roma Rights Centre, school survey 2023.')).toBeGreaterThan(pdf.indexOf('Права человека для всех.'));
    expect(pdf).toContain('Roma pupils enrolled');
    // Nothing of the app.
    for (const chrome of ['Share', 'Export', 'Outline', 'All reports', 'Synced', 'Print', 'Find in report', 'Section 1 of']) expect(pdf).not.toContain(chrome);
    expect(amina.errors).toEqual([]);
  });
});
