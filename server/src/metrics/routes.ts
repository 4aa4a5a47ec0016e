/**
 * `GET /metrics` (METRICS=1) for the addresses in METRICS_ALLOW, and `GET /readyz`: whether this node can serve,
 * i.e. its database (and Redis, in a cluster) answer. `/healthz` only says the process is alive.
 */
import type { ServerResponse } from 'node:http';
import net from 'node:net';
import type { ClusterBus } from '../cluster/ClusterBus.ts';
import { Forbidden } from '../errors.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';
import type { MetricsExposition } from './metrics.ts';

/** A check that takes longer than this counts as failed: a load balancer should not wait on a hung database. */
const READY_TIMEOUT_MS = 2000;

/** The addresses and ranges of METRICS_ALLOW (validated by config). */
export function allowList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function allowed(list: net.BlockList, address: string): boolean {
  if (net.isIPv4(address)) return list.check(address, 'ipv4');
  if (!net.isIPv6(address)) return false;
  // An IPv4 caller on a dual-stack socket shows as ::ffff:a.b.c.d; match it against the IPv4 entries too.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return list.check(address, 'ipv6') || (mapped !== null && list.check(mapped[1]!, 'ipv4'));
}

export function registerMetricsRoute(router: Router, o: { exposition: MetricsExposition; allow: readonly string[]; trustProxy: boolean }): void {
  const list = allowList(o.allow);
  router.on('GET', '/metrics', async ({ req, res }) => {
    if (!allowed(list, clientAddress(req, o.trustProxy))) throw new Forbidden('Metrics are not available to this address.', 'metrics_forbidden');
    const body = await o.exposition.render();
    res.writeHead(200, { 'content-type': o.exposition.contentType, 'cache-control': 'no-store' });
    res.end(body);
  });
}

function withTimeout(check: Promise<void>, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}

export function registerReadinessRoute(router: Router, o: { storage: Storage; bus: ClusterBus; log: Logger; closing: () => boolean }): void {
  let lastFailing = '';
  router.on('GET', '/readyz', async ({ res }) => {
    const failures: string[] = [];
    if (o.closing()) failures.push('shutting_down');
    const checks = await Promise.allSettled([withTimeout(o.storage.ping(), 'database'), withTimeout(o.bus.ping(), 'redis')]);
    const [database, redis] = checks;
    if (database.status === 'rejected') failures.push('database');
    if (redis.status === 'rejected') failures.push('redis');
    res.setHeader('cache-control', 'no-store');
    const failing = failures.join(',');
    if (failing !== lastFailing) {
      // Logged when the answer changes, not on every probe of the load balancer.
      if (failing === '') o.log.info('ready again');
      lastFailing = failing;
    } else if (failing !== '') {
      return notReady(res, failures);
    }
    if (failures.length === 0) {
      sendJson(res, 200, { status: 'ready' });
      return;
    }
    o.log.warn('not ready', {
      failing: failures,
      database: database.status === 'rejected' ? String((database.reason as Error)?.message ?? database.reason) : undefined,
      redis: redis.status === 'rejected' ? String((redis.reason as Error)?.message ?? redis.reason) : undefined,
    });
    notReady(res, failures);
  });
}

function notReady(res: ServerResponse, failures: string[]): void {
  res.setHeader('retry-after', '5');
  sendJson(res, 503, { error: { code: 'not_ready', message: `This node cannot serve now (failing: ${failures.join(', ')}).`, params: { failing: failures.join(', ') } }, failing: failures });
}
