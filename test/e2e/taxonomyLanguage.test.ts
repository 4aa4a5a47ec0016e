/**
 * Taxonomy labels in the interface language (issue 13): with the interface in French, the tag picker finds an SDG
 * by its French words and shows it in French, the chip and the coverage view say "ODD 5 : Égalité entre les
 * sexes", and where treaty article texts appear (English only in the reference data) a note says so. Screens in
 * test/e2e/screens/taxonomy/, for looking at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { api, createReport, signUp } from '../helpers/clients.ts';
import { poll, useBrowserSuite, WAIT_MS } from './support.ts';

const SHOTS = path.resolve('test/e2e/screens/taxonomy');
const GOAL_5 = 'ODD 5 : Égalité entre les sexes';

describe('Taxonomy labels in the interface language', () => {
  const suite = useBrowserSuite();

  it('shows SDG tags in French in the picker, the chips and coverage, and says treaty texts are in English', async () => {
    const base = suite.server.url;
    const owner = await signUp(base, { name: 'Aminata Sow' });
    await api(base, '/api/auth/me/language', { as: owner, method: 'PUT', body: { language: 'fr' } });
    const report = await createReport(base, owner, { title: 'Violence à l’égard des femmes', mechanism: 'CEDAW', stateUnderReview: 'Freedonia', template: 'cedaw' });
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    suite.keep({ context });
    const [name, value] = owner.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    fs.mkdirSync(SHOTS, { recursive: true });

    await page.goto(`${base}/reports/${report.id}`);
    await page.waitForFunction(() => document.documentElement.lang === 'fr', null, { timeout: WAIT_MS });
    await page.locator('[data-testid="outline-item"] .outline-item__select').first().click();
    await page.locator('.ProseMirror').first().waitFor();

    // Found by its French words, shown in French with its French title.
    const picker = page.locator('[data-testid="section-tags"] .tag-picker__input');
    await picker.click();
    await picker.pressSequentially('égalité sexes', { delay: 15 });
    const option = page.locator('.tag-picker__list [role="option"]').first();
    await poll(() => option.locator('.tag-option__label').innerText()).toBe(GOAL_5);
    await poll(() => option.locator('.tag-option__text').innerText()).toBe('Parvenir à l’égalité des sexes et autonomiser toutes les femmes et les filles');
    await page.screenshot({ path: path.join(SHOTS, 'fr-tag-picker-sdg.png') });
    await picker.press('Enter');
    const chips = page.getByTestId('section-tags').getByTestId('tag-chip');
    await chips.filter({ hasText: GOAL_5 }).waitFor();

    // An id typed as people type it still works, and a target reads in French too.
    await picker.pressSequentially('SDG 5.2', { delay: 15 });
    await poll(() => option.locator('.tag-option__label').innerText()).toBe('Cible 5.2 des ODD');
    expect(await option.locator('.tag-option__text').innerText()).toMatch(/^Éliminer de la vie publique et de la vie privée toutes les formes de violence/);
    await picker.press('Enter');
    await chips.filter({ hasText: 'Cible 5.2 des ODD' }).waitFor();
    await poll(() => chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-tag-id')))).toEqual(['SDG:5', 'SDG:5.2']);
    await page.getByTestId('section-tags').screenshot({ path: path.join(SHOTS, 'fr-tag-chips.png') });

    // Treaty articles: their English text, with the note that says why.
    // (The pointer off the chips, so no tooltip covers the screenshot.)
    await page.mouse.move(1, 1);
    await page.locator('.tooltip, [role="tooltip"]').first().waitFor({ state: 'hidden' }).catch(() => undefined);
    await picker.pressSequentially('CEDAW 10', { delay: 15 });
    await option.waitFor();
    const note = page.getByTestId('treaty-texts-note');
    await poll(() => note.first().innerText()).toBe('Les textes des articles des traités sont affichés en anglais : Rightsdraft ne les a qu’en anglais.');
    await page.screenshot({ path: path.join(SHOTS, 'fr-tag-picker-article.png') });
    await picker.press('Escape');

    // Coverage: the goal in French, the note above the treaty's articles.
    await page.locator('.views-bar__item[data-view="coverage"]').click();
    const goal = page.locator('[data-testid="coverage-item"][data-tag-id="SDG:5"]');
    await poll(() => goal.locator('.coverage-item__label').innerText()).toBe(GOAL_5);
    await poll(() => page.locator('[data-testid="coverage-item"][data-tag-id="SDG:16"] .coverage-item__label').innerText()).toBe(
      'ODD 16 : Paix, justice et institutions efficaces',
    );
    await page.getByTestId('coverage-view').getByTestId('treaty-texts-note').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'fr-coverage.png') });
    await goal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'fr-coverage-sdgs.png') });

    // The library names an entry's SDG tags in French too.
    const entry = await api<{ id: string }>(base, '/api/library/entries', {
      as: owner,
      body: { level: 'city', title: 'Déclaration ville des droits humains', kind: 'proclamation', text: 'La ville se déclare ville des droits humains.', tags: ['SDG:16.7', 'CEDAW:2'], visibility: 'published' },
    });
    await page.goto(`${base}/library/${entry.body.id}`);
    await page.locator('.library-tag', { hasText: 'Cible 16.7 des ODD' }).waitFor();
    await page.locator('.library-tag', { hasText: 'CEDAW article 2' }).waitFor();
    await page.goto(`${base}/reports/${report.id}`);
    await page.locator('[data-testid="outline-item"] .outline-item__select').first().click();
    await chips.filter({ hasText: GOAL_5 }).waitFor();

    // Switched live to Spanish in the account menu: the chips follow without a reload.
    await page.locator('.views-bar__item[data-view="sections"]').click();
    await page.getByTestId('account-menu').click();
    await page.locator('.account-menu__language select').selectOption('es');
    await page.waitForFunction(() => document.documentElement.lang === 'es', null, { timeout: WAIT_MS });
    await page.keyboard.press('Escape');
    await chips.filter({ hasText: 'ODS 5: Igualdad de Género' }).waitFor();
    await chips.filter({ hasText: 'Meta 5.2 de los ODS' }).waitFor();

    // Back to English: the same tags in English, and no note.
    await page.locator('.views-bar__item[data-view="sections"]').click();
    await api(base, '/api/auth/me/language', { as: owner, method: 'PUT', body: { language: 'en' } });
    await page.evaluate(() => localStorage.setItem('rightsdraft.language', 'en'));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: WAIT_MS });
    await page.locator('[data-testid="outline-item"] .outline-item__select').first().click();
    await chips.filter({ hasText: 'SDG 5: Gender equality' }).waitFor();
    await chips.filter({ hasText: 'SDG target 5.2' }).waitFor();
    expect(await page.getByTestId('treaty-texts-note').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);
});
