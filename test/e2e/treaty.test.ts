/**
 * Issue 4 in the browser: a joint UPR submission made from its template, a section tagged with SDG 5.2 and
 * ICERD article 5 by typing in the tag picker, the coverage view following the tags, and the word limit
 * warning after a long paste. Also: a templated report made while the server cannot be reached gets its
 * sections on the device, and is published later without the template, so the server never doubles them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CreateReportRequest } from '../../shared/api/types.ts';
import { templateSections } from '../../shared/templates/templates.ts';
import { getContent } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { eventually, poll, waitForSyncState, useBrowserSuite } from './support.ts';
import { addTag, longText, openSection, openView, outlineTitles, pasteText, signedIn } from './treaty/support.ts';

const JOINT_UPR_TITLES = templateSections('upr', 'UPR', 'joint').map((s) => s.title);

async function createFromDialog(page: Page, baseUrl: string, title: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: /New report/ }).first().click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Mechanism').selectOption('UPR');
  await page.getByLabel('State under review').fill('Freedonia');
  expect(await page.getByLabel('UPR stakeholder submission (individual or joint)').isChecked()).toBe(true);
  await page.getByLabel('Several organisations').check();
  await page.getByRole('button', { name: 'Create report' }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

function coverageItem(page: Page, id: string) {
  return page.locator(`[data-testid="coverage-item"][data-tag-id="${id}"]`);
}

describe('Treaty and UPR reports in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('makes a joint UPR submission from its template, tags a section, follows coverage and warns at the word limit', async () => {
    const user = await signedIn(browser, server.url, 'Amina Diallo');
    suite.keep(user);
    const { page, account } = user;

    const reportId = await createFromDialog(page, server.url, 'Joint UPR submission on Roma rights');
    await waitForSyncState(page, 'synced');
    await poll(() => outlineTitles(page)).toEqual(JOINT_UPR_TITLES);
    // Online, the server wrote the template: it has the sections once, and the joint limit applies.
    const content = await getContent(server.url, account, reportId);
    expect(content.sections.map((s) => s.title)).toEqual(JOINT_UPR_TITLES);
    await poll(() => page.getByTestId('report-word-count-name').textContent()).toMatch(/0 of 5,630 words/);

    // Before tagging, no section addresses SDG 5.
    await openView(page, 'coverage');
    await poll(() => coverageItem(page, 'SDG:5').getAttribute('data-addressed')).toBe('false');
    await poll(() => page.getByTestId('coverage-sdgs-summary').innerText()).toBe('0 of 17 goals addressed');

    // Tag "Thematic issues" by typing in the picker.
    await openView(page, 'sections');
    await openSection(page, 'Thematic issues');
    await addTag(page, 'SDG 5.2');
    await addTag(page, 'ICERD 5');
    const chips = page.getByTestId('section-tags').getByTestId('tag-chip');
    await poll(() => chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-tag-id')))).toEqual(['ICERD:5', 'SDG:5.2']);
    await chips.filter({ hasText: 'SDG target 5.2' }).waitFor();
    await chips.filter({ hasText: 'ICERD article 5' }).waitFor();
    // The picker is a combobox: focus stays in it, the list closed after the pick.
    const picker = page.getByRole('combobox', { name: 'Add a tag to Thematic issues' });
    await poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await poll(() => picker.getAttribute('aria-expanded')).toBe('false');

    // The coverage view changed: goal 5 tagged, but the section says nothing yet, so it is not addressed;
    // ICERD article 5 among the other tags.
    await openView(page, 'coverage');
    await poll(() => coverageItem(page, 'SDG:5').innerText()).toContain('Tagged, not written');
    await poll(() => coverageItem(page, 'SDG:5').getAttribute('data-addressed')).toBe('false');
    await poll(() => page.getByTestId('coverage-sdgs-summary').innerText()).toBe('0 of 17 goals addressed');
    await poll(() => page.locator('[data-testid="coverage-other"][data-tag-id="ICERD:5"]').innerText()).toContain('Thematic issues');
    await coverageItem(page, 'SDG:5').getByRole('button', { name: /Thematic issues/ }).click();
    await poll(() => page.locator('#section-heading').innerText()).toBe('Thematic issues');

    const thematicId = content.sections.find((s) => s.title === 'Thematic issues')!.id;
    await eventually(
      () => getContent(server.url, account, reportId),
      (c) => JSON.stringify(c.sections.find((s) => s.id === thematicId)?.tags) === JSON.stringify(['ICERD:5', 'SDG:5.2']),
      'the tags on the server',
    );

    // A long paste: near the joint limit of 5,630 words (from 90 %), then over it, said in words.
    const count = page.getByTestId('report-word-count');
    await page.locator('.prose').click();
    await pasteText(page, longText(5200));
    await poll(() => count.getAttribute('data-state')).toBe('near');
    await poll(() => count.innerText()).toContain('Near the limit');
    await poll(() => count.getByTestId('report-word-count-name').textContent()).toBe('Report: Near the limit: 5,200 of 5,630 words, 430 left.');
    // A new paragraph first: pasted into the last one, its first word would join "five." as one word.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await pasteText(page, longText(600));
    await poll(() => count.getAttribute('data-state')).toBe('over');
    await poll(() => count.innerText()).toContain('170 over');
    await poll(() => page.getByTestId('section-word-footer').innerText()).toContain('5,800 words');

    // The checklist says the same, with the figures and the limit.
    await count.click();
    const wordCheck = page.locator('[data-testid="check-item"][data-check-id="within-word-limit"]');
    await poll(() => wordCheck.getAttribute('data-passed')).toBe('false');
    await poll(() => wordCheck.innerText()).toContain('170 words over the limit of 5630.');
    await poll(() => wordCheck.locator('.check-item__figures').innerText()).toMatch(/Words counted\s*5,800[\s\S]*Limit\s*5,630/);
    expect(user.errors).toEqual([]);
  });

  it('writes the template on the device when the server cannot be reached, and never sends it later', async () => {
    const user = await signedIn(browser, server.url, 'Bruno Costa', undefined, { serviceWorkers: 'block' });
    suite.keep(user);
    const { page, account } = user;
    let serverDown = true;
    const posted: CreateReportRequest[] = [];
    await page.route('**/api/reports', async (route) => {
      if (serverDown) return route.abort('connectionrefused');
      if (route.request().method() === 'POST') posted.push(route.request().postDataJSON() as CreateReportRequest);
      return route.continue();
    });

    const reportId = await createFromDialog(page, server.url, 'Written on the train');
    await poll(() => outlineTitles(page)).toEqual(JOINT_UPR_TITLES);

    serverDown = false;
    await waitForSyncState(page, 'synced');
    expect(posted.length).toBeGreaterThan(0);
    for (const body of posted) {
      expect(body.id).toBe(reportId);
      expect(body).not.toHaveProperty('template');
      expect(body).not.toHaveProperty('submissionType');
    }
    // One set of sections on the server (the device's), with the joint limit the device set.
    const content = await eventually(
      () => getContent(server.url, account, reportId),
      (c) => c.sections.length >= JOINT_UPR_TITLES.length,
      'the device’s sections on the server',
    );
    expect(content.sections.map((s) => s.title)).toEqual(JOINT_UPR_TITLES);
    await poll(() => outlineTitles(page)).toEqual(JOINT_UPR_TITLES);
    await poll(() => page.getByTestId('report-word-count-name').textContent()).toMatch(/of 5,630 words/);
    expect(user.errors).toEqual([]);
  });
});
