/**
 * Durability of the real server process: whatever another client has seen survives `kill -9` at any moment,
 * SIGTERM stores everything and exits cleanly, and a restart serves everything stored. On both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSection, listSections } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, STORAGE_KINDS, type TestStorage } from '../helpers/server.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { typeParagraph } from '../helpers/typing.ts';

/** Words that client B has seen in the section, i.e. what the server relayed. */
function seenWords(text: string): string[] {
  return text.match(/edit-\d+/g) ?? [];
}

describe.each(STORAGE_KINDS)('Durability on %s', (kind) => {
  let storage: TestStorage;
  let owner: TestUser | null = null;
  const running: ServerProcess[] = [];
  const start = async () => {
    const s = await spawnServer({ ...storage.env, COMPACT_AFTER_ROWS: '25' });
    running.push(s);
    // One account for the whole suite: its session is stored, so it outlives restarts.
    owner ??= await signUp(s.url);
    return s;
  };

  beforeAll(async () => {
    storage = await createTestStorage(kind);
  });
  afterAll(async () => {
    for (const s of running) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    await storage.destroy();
  });

  it('loses nothing another client saw when the server is killed with SIGKILL mid-typing', async () => {
    for (let round = 0; round < 3; round++) {
      const server = await start();
      const report = await createReport(server.url, owner!);
      const a = connectClient(server.wsUrl, report.id, owner);
      const b = connectClient(server.wsUrl, report.id, owner);
      await Promise.all([a.synced, b.synced]);
      const sectionId = addSection(a.doc, { title: 'Live typing' });
      await waitFor(() => listSections(b.doc).length === 1);
      let seen: string[] = [];
      b.doc.on('update', () => {
        seen = seenWords(JSON.stringify(b.doc.toJSON()));
      });
      // A types steadily; the kill lands at a different point of the pipeline in each round.
      let i = 0;
      const typing = setInterval(() => typeParagraph(a.doc, sectionId, `edit-${i++}`), 2);
      await waitFor(() => seen.length >= 20 + round * 40, 15_000, 'b to see edits');
      server.proc.kill('SIGKILL');
      expect(await server.exited).toBe('SIGKILL');
      clearInterval(typing);
      const sawBeforeKill = [...seen];
      a.destroy();
      b.destroy();

      const restarted = await start();
      const content = await getContent(restarted.url, owner!, report.id);
      const stored = new Set(seenWords(content.sections[0]?.text ?? ''));
      const lost = sawBeforeKill.filter((w) => !stored.has(w));
      expect(lost, `round ${round}: relayed but lost`).toEqual([]);
      expect(sawBeforeKill.length).toBeGreaterThan(0);
      restarted.proc.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
    }
    // Six server starts through tsx: allow for a busy machine.
  }, 240_000);

  it('stores everything and exits with code 0 on SIGTERM, then serves it after a restart', async () => {
    const server = await start();
    const report = await createReport(server.url, owner!, { title: 'Submission to CEDAW' });
    const a = connectClient(server.wsUrl, report.id, owner);
    await a.synced;
    const sectionId = addSection(a.doc, { title: 'Article 10: education' });
    for (let i = 0; i < 50; i++) typeParagraph(a.doc, sectionId, `edit-${i}`);
    // Give the client's frames time to reach the server, then stop it at once.
    await waitFor(() => a.provider.wsconnected && a.provider.synced);
    await new Promise((r) => setTimeout(r, 200));
    const closeCode = a.nextClose();
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await closeCode).toBe(1012);
    expect(server.output()).toContain('stopped cleanly');
    a.destroy();

    const restarted = await start();
    const content = await getContent(restarted.url, owner!, report.id);
    expect(content.title).toBe('Submission to CEDAW');
    expect(content.sections[0]!.title).toBe('Article 10: education');
    expect(seenWords(content.sections[0]!.text)).toHaveLength(50);
    restarted.proc.kill('SIGTERM');
    await restarted.exited;
  });
});
