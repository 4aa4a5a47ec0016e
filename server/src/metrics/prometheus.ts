/** The METRICS=1 recorder: prom-client counters, gauges and histograms on a registry of their own. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GaugeSource, MetricsExposition, MetricsRecorder } from './metrics.ts';

/** Database writes and relays: a millisecond to a few seconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Word and PDF exports: a tenth of a second to a minute. */
const EXPORT_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

export function createPrometheusRecorder(): { recorder: MetricsRecorder; exposition: MetricsExposition } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources = new Set<GaugeSource>();
  const sum = (pick: (s: GaugeSource) => number) => [...sources].reduce((n, s) => n + pick(s), 0);

  const live = (name: string, help: string, pick: (s: GaugeSource) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(sum(pick));
      },
    });
  live('rightsdraft_sync_connections', 'Open sync (WebSocket) connections.', (s) => s.connections());
  live('rightsdraft_reports_loaded', 'Report documents (content and discussion) held in memory.', (s) => s.reportsLoaded());
  live('rightsdraft_export_queue_length', 'Exports and imports waiting for an office worker thread.', (s) => s.exportQueue());

  const messages = new Counter({
    name: 'rightsdraft_sync_messages_received_total',
    help: 'Sync messages received from clients, by type.',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const store = new Histogram({
    name: 'rightsdraft_store_seconds',
    help: "Time to write a batch of a document's changes to the database.",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const relay = new Histogram({
    name: 'rightsdraft_relay_seconds',
    help: 'Time from a change arriving to it being relayed to the other connections (it is stored first).',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const exports = new Histogram({
    name: 'rightsdraft_export_seconds',
    help: 'Time to export a report, by format.',
    labelNames: ['format'] as const,
    buckets: EXPORT_BUCKETS,
    registers: [registry],
  });
  const failedSignIns = new Counter({
    name: 'rightsdraft_failed_sign_ins_total',
    help: 'Sign-ins refused: a wrong e-mail address or password, or too many attempts.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  const recorder: MetricsRecorder = {
    enabled: true,
    syncMessage: (kind) => messages.inc({ type: kind }),
    storeSeconds: (s) => store.observe(s),
    relaySeconds: (s) => relay.observe(s),
    exportSeconds: (format, s) => exports.observe({ format }, s),
    failedSignIn: (reason) => failedSignIns.inc({ reason }),
    addSource(source) {
      sources.add(source);
      return () => sources.delete(source);
    },
  };
  return { recorder, exposition: { contentType: registry.contentType, render: () => registry.metrics() } };
}
