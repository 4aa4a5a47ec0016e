/**
 * Issue 10 in the browser: the New report dialog offers the templates that fit the chosen mechanism, from the
 * catalogue; picking one makes a report whose outline has the template's sections (written by the server), and
 * the checklist shows each rule with its source. With SCREENSHOT_DIR set, it also saves the dialog and the
 * checklist at laptop and phone sizes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { templatesFor, TEMPLATE_NAMES } from '../../shared/templates/templateIds.ts';
import { templateSections } from '../../shared/templates/templates.ts';
import { createReport, getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { poll, waitForSyncState, useBrowserSuite } from './support.ts';
import { openSection, openView, outlineTitles, signedIn } from './treaty/support.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '';
const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

async function templateOptions(page: Page): Promise<string[]> {
  return page.locator('input[name="new-template"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

describe('Templates in the New report dialog', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it.each(Object.entries(VIEWPORTS))('offers the mechanism’s templates and makes a report with the picked one (%s)', async (size, viewport) => {
    const user = await signedIn(browser, server.url, 'Amina Diallo', viewport);
    suite.keep(user);
    const { page, account } = user;
    await page.goto(server.url);
    await page.getByRole('button', { name: /New report/ }).first().click();
    await page.getByLabel('Title').fill('Alternative report on children in detention');
    await page.getByLabel('Mechanism').selectOption('CRC');
    await page.getByLabel('State under review').fill('Freedonia');
    // The CRC's own template comes first and is chosen; the list-of-issues and follow-up templates are offered too.
    await poll(() => templateOptions(page)).toEqual([...templatesFor('CRC'), 'blank']);
    expect(await page.getByLabel(TEMPLATE_NAMES.crc).isChecked()).toBe(true);
    // The UPR gets its own template only.
    await page.getByLabel('Mechanism').selectOption('UPR');
    await poll(() => templateOptions(page)).toEqual(['upr', 'blank']);
    await page.getByLabel('Mechanism').selectOption('CRC');
    await page.getByLabel(TEMPLATE_NAMES.crc).check();
    if (SHOTS) await page.getByRole('dialog').screenshot({ path: `${SHOTS}/${size}-new-report-templates.png` });

    await page.getByRole('button', { name: 'Create report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = new URL(page.url()).pathname.split('/').pop()!;
    await waitForSyncState(page, 'synced');
    const expected = templateSections('crc', 'CRC', null).map((s) => s.title);
    expect(expected).toContain('General principles (arts. 2, 3, 6 and 12)');
    if (size === 'laptop') await poll(() => outlineTitles(page)).toEqual(expected);
    const content = await getContent(server.url, account, reportId);
    expect(content.sections.map((s) => s.title)).toEqual(expected);
    expect(content.sections.find((s) => s.title.startsWith('General principles'))!.tags).toEqual(expect.arrayContaining(['CRC:2', 'CRC:3', 'CRC:6', 'CRC:12']));

    // The checklist names each rule's source.
    await openView(page, 'checklist');
    const period = page.locator('[data-testid="check-item"][data-check-id="period-covered"]');
    await poll(() => period.getAttribute('data-passed')).toBe('false');
    await poll(() => period.getByTestId('check-source').innerText()).toContain('Source:');
    if (SHOTS) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/${size}-checklist.png` });
    }

    // The period covered and the deadline are cover fields; the checklist follows them.
    await openView(page, 'cover');
    await page.getByLabel('Period covered').fill('2019 to 2024');
    await page.getByLabel('Period covered').press('Enter');
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel(/^Deadline/).fill(soon);
    if (SHOTS) {
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/${size}-cover-fields.png` });
    }
    await openView(page, 'checklist');
    await poll(() => period.getAttribute('data-passed')).toBe('true');
    const deadline = page.locator('[data-testid="check-item"][data-check-id="deadline"]');
    await poll(() => deadline.getAttribute('data-passed')).toBe('false');
    await poll(() => deadline.locator('.check-item__message').innerText()).toMatch(/^The deadline is in [1-3] days/);
    expect(user.errors).toEqual([]);
  });

  it('shows the guidance of a list-of-issues template as headings and text in the editor', async () => {
    const user = await signedIn(browser, server.url, 'Bruno Costa');
    suite.keep(user);
    const { page, account } = user;
    const report = await createReport(server.url, account, { title: 'List of issues, Freedonia', mechanism: 'CESCR', template: 'loi' });
    await page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(page, 'synced');
    await openSection(page, 'Issue 2');
    const headings = page.locator('.prose h2');
    await poll(() => headings.allInnerTexts()).toEqual(['The issue', 'The evidence', 'Questions to ask the State']);
    await poll(() => page.locator('.prose p').first().innerText()).toMatch(/^Say in two or three sentences what the problem is/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/laptop-loi-issue.png` });
    expect(user.errors).toEqual([]);
  });
});
