/**
 * Cold load of the large report: stored by our server, which is then stopped and started again; measured from
 * the moment the restarted server answers /healthz to a new client's 'sync' event (and, separately, from the
 * process spawn to that first answer), and as a browser navigation to an editable editor in Chromium.
 * The reference keeps nothing across a restart, so for both servers the sync of a new client to the report
 * already in memory is measured as well ("warm").
 */
import * as Y from 'yjs';
import { buildBigReport, type BigReportStats } from './bigReport.ts';
import { pushReport, timeFreshSync } from './bigReportClients.ts';
import { measureBrowser, type BrowserResult } from './browser.ts';
import type { ClientBuild } from './clientBuild.ts';
import { freshDataDir } from './paths.ts';
import { BenchServer, type ServerKind } from './servers.ts';
import { median, nowMs } from './stats.ts';

export interface ColdRound {
  spawnToReadyMs: number;
  readyToSyncedMs: number;
  sectionsSeen: number;
}

export interface ColdLoadResult {
  report: BigReportStats & { encodedBytes: number; encodedV2Bytes: number };
  cold: ColdRound[];
  coldMedian: { spawnToReadyMs: number; readyToSyncedMs: number };
  warm: Partial<Record<ServerKind, number[]>>;
  warmMedian: Partial<Record<ServerKind, number>>;
  browser: BrowserResult;
}

export async function runColdLoad(
  o: { words: number; sections: number; rounds: number; servers: ServerKind[] },
  client: ClientBuild,
  log: (line: string) => void,
): Promise<ColdLoadResult> {
  const { doc, stats } = buildBigReport(o.words, o.sections);
  const update = Y.encodeStateAsUpdate(doc);
  const report = { ...stats, encodedBytes: update.length, encodedV2Bytes: Y.encodeStateAsUpdateV2(doc).length };
  doc.destroy();
  log(`large report: ${stats.words} words, ${stats.sections} sections, ${stats.paragraphs} paragraphs, ${update.length} bytes encoded`);

  const warm: Partial<Record<ServerKind, number[]>> = {};
  for (const kind of o.servers) {
    warm[kind] = [];
    const server = await BenchServer.start(kind);
    try {
      const id = await server.createReport('Large report');
      const pusher = await pushReport(server, id, update, o.sections);
      for (let r = 0; r < o.rounds; r++) {
        const { ms, client } = await timeFreshSync(server, id, nowMs());
        client.destroy();
        warm[kind]!.push(ms);
      }
      pusher.destroy();
    } finally {
      await server.stop();
    }
  }

  const cold: ColdRound[] = [];
  let browser: BrowserResult = { status: 'skipped', reason: 'skipped: our server not measured', rounds: [] };
  if (o.servers.includes('ours')) {
    const dataDir = freshDataDir();
    let reportId: string;
    const first = await BenchServer.start('ours', { dataDir });
    const headers = first.headers;
    try {
      reportId = await first.createReport('Large report');
      (await pushReport(first, reportId, update, o.sections)).destroy();
    } finally {
      const stop = await first.stop();
      if (stop.code !== 0) log(`warning: our server exited with ${stop.code} after storing the large report`);
    }
    for (let r = 0; r < o.rounds; r++) {
      const server = await BenchServer.start('ours', { dataDir, headers });
      try {
        const { ms, sections, client } = await timeFreshSync(server, reportId, server.readyAt);
        client.destroy();
        cold.push({ spawnToReadyMs: server.spawnToReadyMs, readyToSyncedMs: ms, sectionsSeen: sections });
        log(`cold load round ${r + 1}: spawn to ready ${server.spawnToReadyMs.toFixed(0)} ms, ready to synced ${ms.toFixed(0)} ms`);
      } finally {
        await server.stop();
      }
    }
    browser = await measureBrowser({ dataDir, headers, reportId, client, rounds: o.rounds, log });
  }
  return {
    report,
    cold,
    coldMedian: { spawnToReadyMs: median(cold.map((c) => c.spawnToReadyMs)), readyToSyncedMs: median(cold.map((c) => c.readyToSyncedMs)) },
    warm,
    warmMedian: Object.fromEntries(Object.entries(warm).map(([k, v]) => [k, median(v)])),
    browser,
  };
}
