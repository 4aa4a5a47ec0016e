/**
 * Issue 11: the server never holds an encrypted report's words, on two nodes sharing PostgreSQL and Redis.
 *
 * Two people in Chromium, Amina on node A and Bruno on node B, co-edit an end-to-end encrypted report through the
 * real app (its sealing code in shared/e2ee, its encrypted transport): each writes a unique phrase, Bruno comments
 * with another, and each sees the other's words (so they crossed the nodes through Redis). Bruno is then removed
 * through node B, Amina's browser rotates the key and re-seals the content and the discussion as snapshots, and she
 * writes on. Then the phrases and
 * the report's title are looked for, as UTF-8, hex and base64 (test/helpers/traces.ts), in:
 * - a `pg_dump` of the suite's database (the real binary, the whole database: schema and rows);
 * - every message published on Redis while the test ran (a separate client subscribed with `PSUBSCRIBE *`), both
 *   as published and as opened with the nodes' CLUSTER_SECRET (what someone holding Redis and the secret reads);
 * - both nodes' logs.
 * The positive control: a plain report written the same way, whose phrase and title ARE found in the dump and in
 * the opened Redis messages, so the search would have caught a leak.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterEnvelope } from '../../server/src/cluster/envelope.ts';
import { api } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, TEST_CLUSTER_SECRET, type TestServer, type TestStorage } from '../helpers/server.ts';
import { witnessMarker } from '../helpers/sqliteFiles.ts';
import { tracesOf } from '../helpers/traces.ts';
import { REDIS_URL } from '../helpers/twoNodes.ts';
import { createEncryptedReport, unlock } from './encryptionSupport.ts';
import { selectPhrase } from './reviewSupport.ts';
import { AMINA, assertClientBuilt, BRUNO, CLIENT_DIR, launchBrowser, openSignedIn, poll, waitForEditorText, waitForSyncState } from './support.ts';

const run = promisify(execFile);

interface Published {
  channel: string;
  message: Buffer;
  /** The payload inside the cluster envelope, when it opened with the nodes' secret (other test runs share Redis). */
  opened: Buffer | null;
}

/** Put the caret at the end of the open section and insert the text in one piece (one change, as a paste). */
async function insertAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.prose').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

async function comment(page: Page, phrase: string, text: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('Control+Alt+m');
  await page.getByRole('combobox', { name: 'Comment' }).fill(text);
  await page.getByTestId('comment-draft').getByRole('button', { name: 'Comment' }).click();
  await page.locator('.review-margin').getByTestId('thread').filter({ hasText: text }).waitFor();
}

async function createPlainReport(page: Page, baseUrl: string, title: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'New report' }).first().click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Mechanism').selectOption('CERD');
  await page.getByLabel(/A blank report/).check();
  await page.getByRole('button', { name: 'Create report' }).click();
  await page.waitForURL(/\/reports\//);
  return page.url().split('/reports/')[1]!.split(/[?#]/)[0]!;
}

describe('An encrypted report on two nodes (PostgreSQL and Redis)', () => {
  let storage: TestStorage;
  let a: TestServer;
  let b: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const keep = <T extends { context: BrowserContext }>(p: T): T => (contexts.push(p.context), p);
  let recorder: Redis;
  const published: Published[] = [];
  const observer = new ClusterEnvelope(TEST_CLUSTER_SECRET);

  beforeAll(async () => {
    assertClientBuilt();
    browser = await launchBrowser();
    // Listening before the nodes start: every message they publish is recorded.
    recorder = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: null });
    await recorder.connect();
    recorder.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
      const name = channel.toString();
      const opened = observer.open(name, message);
      published.push({ channel: name, message, opened: opened.ok ? Buffer.from(opened.payload) : null });
    });
    await recorder.psubscribe('*');
    storage = await createTestStorage('postgres');
    const config = { staticDir: CLIENT_DIR, redisUrl: REDIS_URL };
    a = await startTestServer(storage, config);
    b = await startTestServer(storage, config);
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    recorder?.disconnect();
    await a?.close();
    await b?.close();
    await storage?.destroy();
  });

  it('leaves no phrase, comment or title of it in a pg_dump, on Redis or in either log; a plain report’s are found', async () => {
    const amina = keep(await openSignedIn(browser, a.url, AMINA));
    const bruno = keep(await openSignedIn(browser, b.url, BRUNO));
    for (const page of [amina.page, bruno.page]) page.on('pageerror', (e) => console.error('page error:', e.message, e.stack));
    const title = `Testimony ${witnessMarker()}`;
    const fromAmina = witnessMarker();
    const fromBruno = witnessMarker();
    const commentText = `Who saw it? ${witnessMarker()}`;
    const afterRotation = witnessMarker();

    // Amina makes the encrypted report on node A; Bruno, an editor, opens it on node B.
    const reportId = await createEncryptedReport(amina.page, a.url, title);
    await unlock(amina.page, AMINA.password);
    await waitForSyncState(amina.page, 'synced');
    await insertAtEnd(amina.page, `The police entered the school. Statement ${fromAmina} recorded.`);
    expect((await api(a.url, `/api/reports/${reportId}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } })).status).toBe(201);
    await bruno.page.goto(`${b.url}/reports/${reportId}`);
    await unlock(bruno.page, BRUNO.password);
    await waitForEditorText(bruno.page, fromAmina);
    await poll(() => bruno.page.getByLabel('Report title').inputValue()).toBe(title);

    // Bruno writes and comments on node B; Amina sees both on node A.
    await insertAtEnd(bruno.page, ` Corroborated: ${fromBruno}.`);
    await waitForEditorText(amina.page, fromBruno);
    await comment(bruno.page, 'police entered', commentText);
    await amina.page.locator('.review-margin').getByTestId('thread').filter({ hasText: commentText }).waitFor();
    await waitForSyncState(amina.page, 'synced');
    await waitForSyncState(bruno.page, 'synced');

    // Bruno is removed through node B: Amina's browser on node A makes a new key and re-seals both documents as
    // snapshots under it, so the dump holds sealed snapshots too; she writes on under the new key.
    expect((await api(b.url, `/api/reports/${reportId}/members/${bruno.account.id}`, { as: amina.account, method: 'DELETE' })).status).toBe(204);
    const db = new pg.Client({ connectionString: storage.env.DATABASE_URL });
    await db.connect();
    const resealed = async () => {
      const generation = (await db.query<{ g: number }>('SELECT key_generation AS g FROM reports WHERE id = $1', [reportId])).rows[0]?.g;
      const snapshots = await db.query<{ doc_name: string }>("SELECT DISTINCT doc_name FROM encrypted_messages WHERE kind = 'snapshot' AND generation = 2 AND doc_name LIKE $1", [`${reportId}%`]);
      return `${generation}:${snapshots.rows.map((r) => r.doc_name).sort().join(',')}`;
    };
    await poll(resealed).toBe(`2:${reportId},${reportId}/discussion`);
    await db.end();
    await insertAtEnd(amina.page, ` After the rotation: ${afterRotation}.`);
    await waitForSyncState(amina.page, 'synced');

    // The positive control: a plain report, written the same way across the two nodes.
    const plainTitle = `Plain ${witnessMarker()}`;
    const plainPhrase = witnessMarker();
    const plainId = await createPlainReport(amina.page, a.url, plainTitle);
    await waitForSyncState(amina.page, 'synced');
    expect((await api(a.url, `/api/reports/${plainId}/members`, { as: amina.account, body: { email: bruno.account.email, role: 'editor' } })).status).toBe(201);
    await bruno.page.goto(`${b.url}/reports/${plainId}`);
    await waitForSyncState(bruno.page, 'synced');
    await insertAtEnd(amina.page, `Plain statement ${plainPhrase}.`);
    await waitForEditorText(bruno.page, plainPhrase);
    await waitForSyncState(amina.page, 'synced');
    // Messages published a moment ago are still on their way to the recorder.
    await new Promise((r) => setTimeout(r, 1000));

    // The whole database, as the real pg_dump writes it.
    const { stdout: dump } = await run('pg_dump', ['--no-owner', '--format=plain', storage.env.DATABASE_URL!], { maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' });
    const dumped = dump as unknown as Buffer;
    // It is the right database: the encrypted report's sealed rows are in it.
    expect(tracesOf(dumped, reportId)).toContain('utf8');
    expect(dumped.includes(Buffer.from('encrypted_messages'))).toBe(true);

    // Redis: what the nodes published, sealed and opened; the encrypted report's content and discussion crossed it.
    const ours = published.filter((p) => p.opened);
    expect(ours.some((p) => p.channel === `rightsdraft:esync:${reportId}`)).toBe(true);
    expect(ours.some((p) => p.channel === `rightsdraft:esync:${reportId}/discussion`)).toBe(true);
    expect(published.filter((p) => p.channel.startsWith(`rightsdraft:esync:${reportId}`) && !p.opened)).toEqual([]);
    const logs = [...a.lines, ...b.lines].join('\n');
    // The logs are the ones the nodes wrote while serving both reports (the plain one is named there).
    expect(logs).toContain(plainId);

    const found = (marker: string) => ({
      dump: tracesOf(dumped, marker),
      redis: published.flatMap((p) => [...tracesOf(p.message, marker), ...(p.opened ? tracesOf(p.opened, marker) : [])].map((form) => `${p.channel}: ${form}`)),
      logs: tracesOf(logs, marker),
    });
    for (const marker of [title, fromAmina, fromBruno, commentText, afterRotation]) {
      expect([marker, found(marker)]).toEqual([marker, { dump: [], redis: [], logs: [] }]);
    }
    // The same search finds the plain report's words: its title in the catalogue, its phrase in the stored updates
    // (bytea, which pg_dump writes as hex) and in the update relayed over Redis.
    expect(found(plainTitle).dump).toContain('utf8');
    expect(found(plainPhrase).dump).toContain('hex');
    expect(found(plainPhrase).redis).toContain(`rightsdraft:doc:${plainId}: utf8`);
    expect(amina.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 300_000);
});
