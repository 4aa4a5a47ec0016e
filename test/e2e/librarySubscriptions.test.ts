/**
 * An administrator follows another instance's feed from the Library page: the other instance's published entry
 * appears, marked with where it comes from, and goes when the administrator stops following. Both instances run on
 * this machine, so this suite allows private addresses (LIBRARY_ALLOW_PRIVATE_URLS=1); their refusal without it is
 * tested in test/integration/librarySubscription.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, signUp } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { AMINA, openSignedIn, useBrowserSuite, WAIT_MS } from './support.ts';

describe('Following another instance from the Library page', () => {
  const suite = useBrowserSuite({ libraryAllowPrivateUrls: true });
  let otherStorage: TestStorage;
  let other: TestServer;
  beforeAll(async () => {
    otherStorage = await createTestStorage('sqlite');
    other = await startTestServer(otherStorage);
    const writer = await signUp(other.url, { name: 'Olu Other' });
    await api(other.url, '/api/library/entries', {
      as: writer,
      body: { title: 'Accessible polling stations', kind: 'policy-practice', level: 'county', text: 'Every polling station is step-free.', visibility: 'published' },
    });
  });
  afterAll(async () => {
    await other?.close();
    await otherStorage?.destroy();
  });

  it('shows the followed entries with their origin, and removes them when unfollowed', async () => {
    const admin = suite.keep(await openSignedIn(suite.browser, suite.server.url, AMINA));
    const { page } = admin;
    await page.goto(`${suite.server.url}/library`);
    await page.getByRole('heading', { name: 'Feeds this instance follows' }).waitFor();
    await page.getByLabel('Feed address').fill(`${other.url}/library/feed.json`);
    await page.getByRole('button', { name: 'Follow' }).click();
    const line = page.locator('[data-testid="library-subscription"]');
    await line.getByText('1 entry').waitFor();
    const card = page.locator('[data-testid="library-card"]', { hasText: 'Accessible polling stations' });
    await card.getByText(`From ${new URL(other.url).host}`).waitFor();
    await line.getByRole('button', { name: 'Stop following' }).click();
    await expect.poll(() => card.count(), { timeout: WAIT_MS }).toBe(0);
    expect(admin.errors).toEqual([]);
  });
});
