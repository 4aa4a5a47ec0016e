/**
 * `npm run library:starter` loads the four starter entries once (a second run adds nothing), each with tags the
 * taxonomy knows, content the library accepts, and a first paragraph saying it is a model to adapt.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../shared/library/content.ts';
import { isLibraryTag } from '../../shared/library/validate.ts';
import { createTestStorage, type TestStorage } from '../helpers/server.ts';

describe('Starter entries', () => {
  let ts: TestStorage;
  afterAll(async () => ts?.destroy());

  it('loads them with one command, published with --publish, and only once', async () => {
    ts = await createTestStorage('sqlite');
    const run = (...args: string[]) =>
      execFileSync('npm', ['run', '-s', 'library:starter', '--', ...args], { env: { ...process.env, ...ts.env, DATABASE_URL: '' }, encoding: 'utf8' });
    expect(run('--publish')).toContain('4 starter entries published');
    expect(run()).toContain('Nothing to add');
    const storage = ts.open();
    try {
      const entries = await storage.library.listPublished();
      expect(entries.map((e) => e.kind).sort()).toEqual(['model-resolution', 'ordinance', 'policy-practice', 'proclamation']);
      for (const e of entries) {
        expect(e.text.split('\n')[0]).toMatch(/model to adapt/);
        expect(e.tags.every(isLibraryTag), e.title).toBe(true);
        expect(checkContent(e.content).ok).toBe(true);
        expect(e.licence).toBe('CC BY 4.0');
      }
      const titles = entries.map((e) => e.title).join(' | ');
      for (const subject of [/human rights city/, /CEDAW/, /CERD/, /UPR/]) expect(titles).toMatch(subject);
    } finally {
      await storage.close();
    }
  });
});
