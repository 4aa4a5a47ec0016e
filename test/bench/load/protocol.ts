/** Messages between the orchestrator, the load host process and its worker threads. */
import type { Summary } from '../stats.ts';

/** One report typed into by `editors` stock y-websocket clients. */
export interface EditorReport {
  room: string;
  editors: number;
  /** Ids of the sections the first editor creates (one paragraph per editor, spread over them). */
  sectionIds: string[];
}

export interface EditorsConnect {
  wsUrl: string;
  /** Sent with every WebSocket upgrade (a session cookie when the server needs one). */
  headers?: Record<string, string>;
  reports: EditorReport[];
  /** Keystrokes per second per editor; each also sends a cursor (awareness) update. */
  keystrokesPerSecond: number;
  /** Upper bound of keystrokes per editor in the round (size of the send-time table). */
  maxKeystrokes: number;
  /**
   * 'stock': y-websocket providers (each applies every change, as a browser does). 'light': protocol-level
   * clients that stop applying others' changes once typing starts (see load/lightClient.ts).
   */
  clients: 'stock' | 'light';
  /** Editor g uses Y clientID `clientIdBase + g`, so a receiver maps an arriving item to its sender. */
  clientIdBase: number;
  connectTimeoutMs: number;
}

/** Typing runs from t0 to t2 (monotonic ms, see stats.nowMs); keystrokes sent in [t1, t2) are measured. */
export interface TypingWindow {
  t0: number;
  t1: number;
  t2: number;
  /** After t2, wait at most this long for every measured keystroke to reach every other editor. */
  drainMs: number;
}

/** Worker-side assignment of one editor. */
export interface EditorSpec {
  /** Global editor index in this round. */
  g: number;
  /** Index within its report. */
  j: number;
  report: EditorReport;
}

export interface WorkerTypingResult {
  latenciesMs: Float64Array;
  received: number;
  expected: number;
  sendLagMs: Float64Array;
  disconnects: number;
  /** Event-loop delay p99 of this worker thread during the window. */
  eldP99Ms: number;
}

export interface TypingResult {
  /** Over every due receipt; one that never arrived counts as Infinity. */
  latency: Summary;
  /** Receipts of measured keystrokes by other editors, and how many were due. */
  received: number;
  expected: number;
  /** Measured keystrokes (each one edit plus one cursor update). */
  keystrokes: number;
  /** How late the load generator sent keystrokes against their schedule: high values mean it was starved. */
  sendLag: Summary;
  disconnects: number;
  /** Worst p99 event-loop delay among the load worker threads during the window. */
  clientEldP99Ms: number;
}

export interface IdleAdd {
  wsUrl: string;
  headers?: Record<string, string>;
  rooms: string[];
  perRoom: number;
  timeoutMs: number;
}

export interface IdleResult {
  requested: number;
  synced: number;
  ms: number;
}

export type HostRequest =
  | { type: 'editors:connect'; body: EditorsConnect }
  | { type: 'editors:setup'; body: { timeoutMs: number } }
  | { type: 'editors:type'; body: TypingWindow }
  | { type: 'editors:close'; body: Record<string, never> }
  | { type: 'idle:add'; body: IdleAdd }
  | { type: 'idle:close'; body: Record<string, never> };

export interface Envelope<T = unknown> {
  id: number;
  type: string;
  body: T;
}

export interface Reply<T = unknown> {
  id: number;
  ok: boolean;
  body?: T;
  error?: string;
}
