/**
 * Compaction of the large report, timed in-process: the report stored as one row plus `rows - 1` rows of small
 * edits (as typing leaves them), loaded into a LiveDocument from SqliteStorage, then `compact()` timed. Both
 * steps are synchronous in practice (better-sqlite3, Yjs encoding), so compact()'s duration is also how long it
 * blocks the server's event loop when the registry runs it after a commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { pathToFileURL } from 'node:url';
import { getSectionBody, listSections } from '../../shared/report/layout.ts';
import { buildBigReport } from './bigReport.ts';
import { benchRunDir } from './paths.ts';
import { source } from './source.ts';
import { median, nowMs } from './stats.ts';

export interface CompactionRound {
  rowsBefore: number;
  rowsAfter: number;
  storedBytesBefore: number;
  storedBytesAfter: number;
  loadMs: number;
  compactMs: number;
}

export interface CompactionResult {
  rounds: CompactionRound[];
  medianCompactMs: number;
  medianLoadMs: number;
}

export async function runCompaction(o: { words: number; sections: number; rows: number; rounds: number }): Promise<CompactionResult> {
  const { doc } = buildBigReport(o.words, o.sections);
  // The edits: words typed into paragraphs across the report by another client, one stored row each.
  const edits: Uint8Array[] = [];
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(doc));
  editor.on('update', (u: Uint8Array) => edits.push(u));
  const sections = listSections(editor);
  for (let i = 0; edits.length < o.rows - 1; i++) {
    const body = getSectionBody(editor, sections[i % sections.length]!.id)!;
    const p = body.get(1 + (i % Math.max(1, body.length - 1)));
    const text = p instanceof Y.XmlElement ? p.get(0) : null;
    if (text instanceof Y.XmlText) text.insert(Math.min(5, text.length), ' edited');
  }
  const base = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  editor.destroy();

  // The measured server code (the commit's copy by default), imported as the server itself imports it.
  const load = <T>(rel: string) => import(pathToFileURL(path.join(source().root, rel)).href) as Promise<T>;
  const { LiveDocument } = await load<typeof import('../../server/src/documents/LiveDocument.ts')>('server/src/documents/LiveDocument.ts');
  const { SqliteStorage } = await load<typeof import('../../server/src/storage/sqlite/SqliteStorage.ts')>('server/src/storage/sqlite/SqliteStorage.ts');
  const { createLogger } = await load<typeof import('../../server/src/log.ts')>('server/src/log.ts');
  const log = createLogger('warn', 'bench');
  const rounds: CompactionRound[] = [];
  for (let r = 0; r < o.rounds; r++) {
    const dir = fs.mkdtempSync(path.join(benchRunDir(), 'compaction-'));
    const storage = new SqliteStorage(path.join(dir, 'rightsdraft.sqlite'));
    try {
      await storage.migrate();
      const name = `compaction-${r}`;
      await storage.appendUpdates(name, [base]);
      for (const e of edits) await storage.appendUpdates(name, [e]);
      const before = await storage.documentStats(name);
      const t0 = nowMs();
      // A threshold above the row count keeps load() from scheduling a compaction of its own.
      const live = await LiveDocument.load(name, storage, log, { compactAfterRows: o.rows * 10, retryDelayMs: 100, maxRetryDelayMs: 1000 });
      const loadMs = nowMs() - t0;
      const t1 = nowMs();
      await live.compact();
      const compactMs = nowMs() - t1;
      const after = await storage.documentStats(name);
      live.destroy();
      rounds.push({ rowsBefore: before.rows, rowsAfter: after.rows, storedBytesBefore: before.bytes, storedBytesAfter: after.bytes, loadMs, compactMs });
    } finally {
      await storage.close();
    }
  }
  return { rounds, medianCompactMs: median(rounds.map((r) => r.compactMs)), medianLoadMs: median(rounds.map((r) => r.loadMs)) };
}
