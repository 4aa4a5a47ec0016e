/**
 * Screenshots of the Library at 1280x800 and 390x844, for looking at, not asserting:
 * `npx vite build && node --import tsx test/e2e/screens/library.ts [out dir]` (default screenshots/library).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryEntry } from '../../../shared/library/entry.ts';
import { loadStarterEntries } from '../../../server/src/library/loadStarter.ts';
import { api } from '../../helpers/clients.ts';
import { createTestStorage, startTestServer } from '../../helpers/server.ts';
import { CLIENT_DIR, assertClientBuilt, launchBrowser, newProfile, waitForSyncState } from '../support.ts';
import { openSection, placeCaret, seedReport } from '../exportSupport.ts';
import { signedIn } from '../treaty/support.ts';

const OUT = path.resolve(process.argv[2] ?? 'screenshots/library');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;

async function main() {
  assertClientBuilt();
  fs.mkdirSync(OUT, { recursive: true });
  const storage = await createTestStorage('sqlite');
  const server = await startTestServer(storage, { staticDir: CLIENT_DIR });
  await loadStarterEntries(server.storage, { publish: true });
  const browser = await launchBrowser();
  try {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const shot = async (page: import('playwright-core').Page, n: string) => {
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, `${name}-${n}.png`) });
      };
      const { page, account, context } = await signedIn(browser, server.url, 'Amina Diallo', viewport);
      const entry = await api<LibraryEntry>(server.url, '/api/library/entries', {
        as: account,
        body: { title: 'Graz practice: a yearly human rights hearing', kind: 'policy-practice', level: 'city', text: 'Each spring the council holds a public hearing on its human rights report.\nResidents may speak without registering.', tags: ['SDG:16.7'], visibility: 'instance' },
      });
      await api(server.url, `/api/library/entries/${entry.body.id}/adoptions`, {
        as: account,
        body: { place: 'Graz', body: 'City council', date: '2024-04-18', status: 'implemented', link: 'https://example.org/graz-hearing', followUp: 'The hearing’s questions go to the departments, which answer in writing within two months.' },
      });
      await page.goto(`${server.url}/library`);
      await page.locator('[data-testid="library-card"]').first().waitFor();
      await shot(page, '01-library');
      // Only the instance's administrator (the first account: the desktop run) sees the followed feeds.
      const feeds = page.getByRole('heading', { name: 'Feeds this instance follows' });
      if (await feeds.count()) {
        await feeds.scrollIntoViewIfNeeded();
        await shot(page, '01b-followed-feeds');
      }
      await page.getByPlaceholder('Search titles, text, tags and places').fill('cedaw');
      await shot(page, '02-search');
      await page.goto(`${server.url}/library/${entry.body.id}`);
      await page.getByRole('heading', { name: /Graz practice/ }).waitFor();
      await shot(page, '03-entry');
      await page.getByRole('button', { name: 'Edit' }).click();
      await shot(page, '04-editor');
      await page.keyboard.press('Escape');
      const report = await seedReport(server, account, { title: 'Freedonia UPR submission', mechanism: 'UPR', stateUnderReview: 'Freedonia' }, [{ title: 'Local follow-up', paragraphs: ['We propose a local mechanism:'] }]);
      await page.goto(`${server.url}/reports/${report.id}`);
      await waitForSyncState(page, 'synced');
      await openSection(page, 'Local follow-up');
      await placeCaret(page, 'end');
      await page.getByRole('button', { name: 'Insert from library' }).click();
      await page.getByLabel('Search the library').fill('UPR');
      await shot(page, '05-insert');
      await page.getByRole('button', { name: /as quoted model text/ }).first().click();
      await page.locator('.prose blockquote[data-library-entry]').waitFor();
      await api(server.url, `/api/library/entries/${entry.body.id}`, { as: account, method: 'PATCH', body: { title: 'Graz practice: a yearly public human rights hearing' } });
      const upr = (await api<{ results: LibraryEntry[] }>(server.url, '/api/library/search?q=UPR', { as: account })).body.results[0]!;
      await server.storage.library.update(upr.id, { text: upr.text + '\nIt meets in public.' }, new Date().toISOString());
      await page.reload();
      await waitForSyncState(page, 'synced');
      await openSection(page, 'Local follow-up');
      await page.locator('[data-testid="library-newer"]').waitFor();
      await shot(page, '06-newer-version');
      await context.close();
      const visitor = await newProfile(browser, undefined, viewport);
      await visitor.page.goto(`${server.url}/library`);
      await visitor.page.locator('[data-testid="library-card"]').first().waitFor();
      await shot(visitor.page, '07-public');
      await visitor.context.close();
      console.log(`${name}: screenshots taken`);
    }
  } finally {
    await browser.close();
    await server.close();
    await storage.destroy();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
