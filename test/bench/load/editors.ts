/**
 * Editors that type into a shared report: each types `keystrokesPerSecond` characters a second into its own
 * paragraph and moves its cursor (an awareness update) with every keystroke, like TipTap's collaboration caret.
 *
 * Latency side channel: editor g has Yjs clientID `clientIdBase + g`, so its k-th keystroke is the item with
 * clock `clock0[g] + k`. The sender writes the send time of keystroke k into a SharedArrayBuffer before it types;
 * a receiver's `afterTransaction` sees which clocks of which clients arrived and looks the send times up. All
 * threads read the same monotonic clock, so receipt minus send is the sync latency as the others see it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addSection, getSectionBody } from '../../../shared/report/layout.ts';
import { nowMs, waitUntil } from '../stats.ts';
import * as awarenessProtocol from 'y-protocols/awareness';
import { LightClient } from './lightClient.ts';
import { connectStockClient } from './stockClient.ts';
import type { EditorReport, EditorSpec, EditorsConnect, TypingWindow, WorkerTypingResult } from './protocol.ts';

const TEXT = 'The State party should ensure that victims of racial discrimination have access to effective remedies. ';
/** Sections one report's editors spread over (each editor gets one paragraph in one of them). */
export const MAX_SECTIONS = 10;

export interface SharedTables {
  /** Send time (monotonic ms) of keystroke k of editor g at [g * maxKeystrokes + k]. */
  sendTimes: Float64Array;
  /** First clock of editor g's keystrokes (its doc's own clock when typing starts). */
  clock0: Int32Array;
  /** Keystrokes of editor g sent inside the measured window. */
  inWindow: Int32Array;
}

export function createSharedTables(totalEditors: number, maxKeystrokes: number): { buffers: SharedArrayBuffer[]; tables: SharedTables } {
  const buffers = [
    new SharedArrayBuffer(totalEditors * maxKeystrokes * 8),
    new SharedArrayBuffer(totalEditors * 4),
    new SharedArrayBuffer(totalEditors * 4),
  ];
  return { buffers, tables: tablesFrom(buffers) };
}

export function tablesFrom(buffers: SharedArrayBuffer[]): SharedTables {
  return { sendTimes: new Float64Array(buffers[0]!), clock0: new Int32Array(buffers[1]!), inWindow: new Int32Array(buffers[2]!) };
}

/** Where editor j of a report types: section j mod S, paragraph floor(j / S). */
function slotOf(report: EditorReport, j: number): { section: string; paragraph: number } {
  const s = report.sectionIds.length;
  return { section: report.sectionIds[j % s]!, paragraph: Math.floor(j / s) };
}

/** What an editor needs of its connection, stock provider or light client alike. */
interface EditorClient {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  readonly synced: boolean;
  readonly disconnects: number;
  /** Light clients only: stop applying remote changes, just report their items. */
  startObserving?(onItems: (from: Map<number, number>, to: Map<number, number>) => void): void;
  destroy(): void;
}

function stockEditor(setup: EditorsConnect, spec: EditorSpec, clientId: number): EditorClient {
  const c = connectStockClient(setup.wsUrl, spec.report.room, `Editor ${spec.j + 1}`, clientId, undefined, setup.headers);
  return {
    doc: c.doc,
    awareness: c.provider.awareness,
    get synced() {
      return c.provider.synced;
    },
    get disconnects() {
      return c.disconnects;
    },
    destroy: () => c.destroy(),
  };
}

function lightEditor(setup: EditorsConnect, spec: EditorSpec, clientId: number): EditorClient {
  const c = new LightClient(setup.wsUrl, spec.report.room, `Editor ${spec.j + 1}`, clientId, setup.headers, true);
  return {
    doc: c.doc,
    awareness: c.awareness,
    get synced() {
      return c.synced;
    },
    get disconnects() {
      return c.disconnects;
    },
    startObserving(onItems) {
      c.onRemoteItems = onItems;
      c.observeOnly = true;
    },
    destroy: () => c.destroy(),
  };
}

interface Editor {
  spec: EditorSpec;
  client: EditorClient;
  text: Y.XmlText | null;
  sent: number;
  received: number;
  timer: NodeJS.Timeout | null;
}

export class EditorGroup {
  private editors: Editor[] = [];
  private latencies: number[] = [];
  private sendLags: number[] = [];
  private window: TypingWindow = { t0: 0, t1: Infinity, t2: -Infinity, drainMs: 0 };

  constructor(
    private readonly setup: EditorsConnect,
    private readonly tables: SharedTables,
    specs: EditorSpec[],
  ) {
    for (const spec of specs) {
      const clientId = setup.clientIdBase + spec.g;
      const client = setup.clients === 'light' ? lightEditor(setup, spec, clientId) : stockEditor(setup, spec, clientId);
      const editor: Editor = { spec, client, text: null, sent: 0, received: 0, timer: null };
      client.doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (!tr.local) this.handleItems(editor, tr.beforeState, tr.afterState);
      });
      this.editors.push(editor);
    }
  }

  async waitSynced(timeoutMs: number): Promise<number> {
    await waitUntil(() => this.editors.every((e) => e.client.synced), timeoutMs, 25);
    return this.editors.filter((e) => e.client.synced).length;
  }

  /** The first editor of each report lays out its sections and paragraphs; everyone waits for their own. */
  async prepare(timeoutMs: number): Promise<number> {
    for (const e of this.editors) if (e.spec.j === 0) layOut(e.client.doc, e.spec.report);
    await waitUntil(() => this.editors.every((e) => this.findText(e)), timeoutMs, 25);
    for (const e of this.editors) {
      this.tables.clock0[e.spec.g] = Y.getState(e.client.doc.store, e.client.doc.clientID);
      e.client.startObserving?.((from, to) => this.handleItems(e, from, to));
    }
    // Joining editors set off a burst of presence messages (each client also echoes every other's presence
    // back): let this thread work through it before typing starts, or the first keystrokes measure the burst.
    let quiet = 0;
    const deadline = nowMs() + timeoutMs;
    while (quiet < 4 && nowMs() < deadline) {
      const t = nowMs();
      await new Promise((r) => setTimeout(r, 50));
      quiet = nowMs() - t < 70 ? quiet + 1 : 0;
    }
    return this.editors.filter((e) => e.text).length;
  }

  private findText(e: Editor): boolean {
    if (e.text) return true;
    const { section, paragraph } = slotOf(e.spec.report, e.spec.j);
    const p = getSectionBody(e.client.doc, section)?.get(paragraph);
    const t = p instanceof Y.XmlElement ? p.get(0) : null;
    if (t instanceof Y.XmlText) e.text = t;
    return e.text !== null;
  }

  async type(window: TypingWindow): Promise<WorkerTypingResult> {
    this.window = window;
    const period = 1000 / this.setup.keystrokesPerSecond;
    for (const e of this.editors) {
      let scheduled = window.t0 + Math.random() * period;
      const tick = () => {
        e.timer = null;
        const now = nowMs();
        if (now >= window.t2 || e.sent >= this.setup.maxKeystrokes || !e.text) return;
        const k = e.sent++;
        this.tables.sendTimes[e.spec.g * this.setup.maxKeystrokes + k] = now;
        if (now >= window.t1) {
          Atomics.add(this.tables.inWindow, e.spec.g, 1);
          this.sendLags.push(now - scheduled);
        }
        const at = e.text.length;
        e.text.insert(at, TEXT[(e.spec.j * 7 + k) % TEXT.length]!);
        const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(e.text, at + 1));
        e.client.awareness.setLocalStateField('cursor', { anchor: cursor, head: cursor });
        scheduled += period;
        e.timer = setTimeout(tick, Math.max(0, scheduled - nowMs()));
      };
      e.timer = setTimeout(tick, Math.max(0, scheduled - nowMs()));
    }
    // This thread's own event-loop delay over the measured window: a busy generator delays receipts too.
    const eld = monitorEventLoopDelay({ resolution: 10 });
    await waitUntil(() => nowMs() >= window.t1, window.t1 - nowMs() + 60_000, 10);
    eld.enable();
    await waitUntil(() => nowMs() >= window.t2, window.t2 - nowMs() + 60_000, 10);
    eld.disable();
    await waitUntil(() => nowMs() >= window.t2 + 100, 60_000, 50);
    // Every sender has stopped: the measured counts are final. Wait for each receiver to see all of them.
    const expectedOf = (e: Editor) => {
      let sum = 0;
      const first = e.spec.g - e.spec.j;
      for (let i = 0; i < e.spec.report.editors; i++) if (i !== e.spec.j) sum += Atomics.load(this.tables.inWindow, first + i);
      return sum;
    };
    await waitUntil(() => this.editors.every((e) => e.received >= expectedOf(e)), Math.max(0, window.t2 + window.drainMs - nowMs()), 50);
    let expected = 0;
    let received = 0;
    for (const e of this.editors) {
      expected += expectedOf(e);
      received += Math.min(e.received, expectedOf(e));
    }
    return {
      latenciesMs: Float64Array.from(this.latencies),
      received,
      expected,
      sendLagMs: Float64Array.from(this.sendLags),
      disconnects: this.editors.reduce((n, e) => n + e.client.disconnects, 0),
      eldP99Ms: eld.count ? Math.max(0, eld.percentile(99) / 1e6 - 10) : NaN,
    };
  }

  /** Items of other editors that just arrived at `e`: clocks [before, after) per client. */
  private handleItems(e: Editor, before: Map<number, number>, after: Map<number, number>): void {
    const now = nowMs();
    const { t1, t2 } = this.window;
    const max = this.setup.maxKeystrokes;
    const total = this.tables.clock0.length;
    after.forEach((end, clientId) => {
      const sender = clientId - this.setup.clientIdBase;
      if (sender < 0 || sender >= total) return;
      const start = before.get(clientId) ?? 0;
      if (end <= start) return;
      const c0 = this.tables.clock0[sender]!;
      for (let clock = start; clock < end; clock++) {
        const k = clock - c0;
        if (k < 0 || k >= max) continue;
        const sentAt = this.tables.sendTimes[sender * max + k]!;
        if (sentAt >= t1 && sentAt < t2) {
          this.latencies.push(now - sentAt);
          e.received++;
        }
      }
    });
  }

  destroy(): void {
    for (const e of this.editors) {
      if (e.timer) clearTimeout(e.timer);
      e.client.destroy();
    }
    this.editors = [];
  }
}

/** Sections and one paragraph per editor, through the layout module, in one transaction. */
function layOut(doc: Y.Doc, report: EditorReport): void {
  doc.transact(() => {
    report.sectionIds.forEach((id, s) => addSection(doc, { id, title: `Section ${s + 1}` }));
    report.sectionIds.forEach((id, s) => {
      const paragraphs: Y.XmlElement[] = [];
      for (let j = s; j < report.editors; j += report.sectionIds.length) {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`Editor ${j + 1}: `)]);
        paragraphs.push(p);
      }
      getSectionBody(doc, id)!.insert(0, paragraphs);
    });
  });
}
