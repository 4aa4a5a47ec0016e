/**
 * Memory per idle loaded large report: the server's RSS with N copies of the large report loaded, each held by
 * one idle client, minus its RSS before, divided by N. Garbage is collected before both readings (--expose-gc
 * via the preload, identically for both servers). Ours loads the reports from storage after a restart, as in
 * production; the reference, having no storage, receives each report from the client that then holds it.
 */
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import path from 'node:path';
import fs from 'node:fs';
import { buildBigReport } from './bigReport.ts';
import { pushReport, timeFreshSync } from './bigReportClients.ts';
import type { StockClient } from './load/stockClient.ts';
import { freshDataDir } from './paths.ts';
import { BenchServer, type ServerKind } from './servers.ts';
import { sleep } from './stats.ts';

export interface LoadedReportsMemory {
  reports: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  perReportRssBytes: number;
  perReportHeapBytes: number;
}

async function settledStats(server: BenchServer) {
  await sleep(1500);
  const stats = await server.stats(true);
  return { rss: server.rssBytes(), heap: stats ? stats.mem.heapUsed + stats.mem.external : NaN };
}

export async function measureLoadedReports(kind: ServerKind, o: { reports: number; words: number; sections: number }): Promise<LoadedReportsMemory> {
  const { doc } = buildBigReport(o.words, o.sections);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const holders: StockClient[] = [];
  let server: BenchServer | null = null;
  try {
    let ids: string[];
    if (kind === 'ours') {
      const dataDir = freshDataDir();
      const seeding = await BenchServer.start('ours', { dataDir });
      const headers = seeding.headers;
      try {
        ids = await seeding.createReports(o.reports);
        for (const id of ids) (await pushReport(seeding, id, update, o.sections)).destroy();
      } finally {
        await seeding.stop();
      }
      server = await BenchServer.start('ours', { dataDir, headers });
      const before = await settledStats(server);
      for (const id of ids) {
        const { client } = await timeFreshSync(server, id, 0);
        holders.push(client);
      }
      const after = await settledStats(server);
      return result(o.reports, before, after);
    }
    server = await BenchServer.start('reference');
    ids = await server.createReports(o.reports);
    const before = await settledStats(server);
    for (const id of ids) holders.push(await pushReport(server, id, update, o.sections));
    const after = await settledStats(server);
    return result(o.reports, before, after);
  } finally {
    for (const h of holders) h.destroy();
    await server?.stop();
  }
}

function result(reports: number, before: { rss: number; heap: number }, after: { rss: number; heap: number }): LoadedReportsMemory {
  return {
    reports,
    rssBeforeBytes: before.rss,
    rssAfterBytes: after.rss,
    heapBeforeBytes: before.heap,
    heapAfterBytes: after.heap,
    perReportRssBytes: (after.rss - before.rss) / reports,
    perReportHeapBytes: (after.heap - before.heap) / reports,
  };
}

export interface StoredSize {
  reportId: string;
  rows: number;
  /** Sum of the stored update rows of the document (`document_updates.data`). */
  storedBytes: number;
  /** Y.encodeStateAsUpdate of the document those rows make. */
  encodedBytes: number;
  ratio: number;
  /** The SQLite files (database, WAL) on disk, for context: they also hold the catalogue and free pages. */
  fileBytes: number;
}

/** Stored bytes of one document against its encoded size, read from the SQLite file of a stopped server. */
export function storedSize(dataDir: string, reportId: string): StoredSize {
  const file = path.join(dataDir, 'rightsdraft.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT data FROM document_updates WHERE doc_name = ? ORDER BY seq').all(reportId) as { data: Buffer }[];
    const updates = rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
    const doc = new Y.Doc();
    if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates));
    const encodedBytes = Y.encodeStateAsUpdate(doc).length;
    doc.destroy();
    const storedBytes = updates.reduce((n, u) => n + u.byteLength, 0);
    const fileBytes = ['', '-wal'].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
    return { reportId, rows: rows.length, storedBytes, encodedBytes, ratio: storedBytes / encodedBytes, fileBytes };
  } finally {
    db.close();
  }
}
