/**
 * The one place the rest of the server records operational numbers. Until `enableMetrics()` runs (METRICS=1)
 * `metrics` is a set of empty functions and prom-client is never loaded, so a server without METRICS pays a
 * property read and an empty call per event. Labels carry kinds only (message type, export format, reason):
 * never a report id, a user id, an e-mail address or a network address.
 */
import type { ExportFormat } from '../../../shared/export/index.ts';

export type SyncMessageKind = 'sync_step1' | 'sync_step2' | 'update' | 'awareness' | 'query_awareness' | 'auth' | 'unknown';
export type FailedSignInReason = 'invalid_credentials' | 'too_many_attempts';

/** Live numbers a running server reports when asked (summed over servers in one process). */
export interface GaugeSource {
  connections(): number;
  reportsLoaded(): number;
  exportQueue(): number;
}

export interface MetricsRecorder {
  /** True once enabled: callers skip taking the time otherwise. */
  readonly enabled: boolean;
  syncMessage(kind: SyncMessageKind): void;
  /** Seconds one write of a document's changes to the database took. */
  storeSeconds(seconds: number): void;
  /** Seconds from a change arriving to it being relayed to the other connections (includes the store). */
  relaySeconds(seconds: number): void;
  exportSeconds(format: ExportFormat, seconds: number): void;
  failedSignIn(reason: FailedSignInReason): void;
  /** Add a server's live numbers; returns the function that removes them (on close). */
  addSource(source: GaugeSource): () => void;
}

const OFF: MetricsRecorder = {
  enabled: false,
  syncMessage() {},
  storeSeconds() {},
  relaySeconds() {},
  exportSeconds() {},
  failedSignIn() {},
  addSource: () => () => {},
};

/** The process's recorder (Prometheus scrapes processes, so one per process). */
export let metrics: MetricsRecorder = OFF;

export interface MetricsExposition {
  contentType: string;
  render(): Promise<string>;
}

let exposition: Promise<MetricsExposition> | null = null;

/** Load prom-client and start recording (idempotent). */
export function enableMetrics(): Promise<MetricsExposition> {
  exposition ??= import('./prometheus.ts').then(({ createPrometheusRecorder }) => {
    const created = createPrometheusRecorder();
    metrics = created.recorder;
    return created.exposition;
  });
  return exposition;
}

/** Seconds since `start` (a `performance.now()` reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}
