/**
 * The cluster bus over Redis pub/sub: one connection publishes, one subscribes. Every message is sealed with
 * CLUSTER_SECRET (envelope.ts: encrypted, authenticated with its channel, dated and numbered), so someone who
 * reaches Redis can neither read what nodes say nor make them do anything; what fails the check is dropped and
 * logged (rate-limited). A node skips its own messages by their sender id. Redis keeps nothing: a node that was
 * cut off catches up from the database (see onReconnect), which holds every change before it is published.
 *
 * REDIS_URL may carry a password (`redis://:password@host:6379`, or `user:password@` with Redis ACLs) and may
 * use TLS (`rediss://`), optionally with the operator's own CA (REDIS_TLS_CA). The URL is never logged, only
 * its host.
 */
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from '../log.ts';
import type { ClusterBus } from './ClusterBus.ts';
import { ClusterEnvelope } from './envelope.ts';
import { RefusalLog } from './refusalLog.ts';

export interface RedisBusOptions {
  url: string;
  /** CLUSTER_SECRET, the same on every node. */
  secret: string;
  /** PEM of the CA that signed Redis's certificate (for `rediss://` with a private CA); null trusts the system's. */
  tlsCa?: string | null;
}

export class RedisBusConnectError extends Error {}

export class RedisBus implements ClusterBus {
  readonly shared = true;
  private readonly envelope: ClusterEnvelope;
  private readonly refusals: RefusalLog;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, (payload: Uint8Array) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private everReady = false;
  private lastError: string | null = null;

  private constructor(
    o: RedisBusOptions,
    private readonly log: Logger,
    RedisClient: typeof Redis,
  ) {
    this.envelope = new ClusterEnvelope(o.secret);
    this.refusals = new RefusalLog(log);
    const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true };
    // ioredis turns TLS on for rediss:// by itself; a CA of one's own replaces the system's list.
    if (o.tlsCa) options.tls = { ca: o.tlsCa };
    this.pub = new RedisClient(o.url, options);
    this.sub = new RedisClient(o.url, options);
    for (const [name, client] of [['publish', this.pub], ['subscribe', this.sub]] as const) {
      client.on('error', (err: Error) => {
        this.lastError = err.message;
        this.log.warn('redis connection error', { connection: name, err: err.message });
      });
    }
    this.sub.on('messageBuffer', (channelBuffer: Buffer, message: Buffer) => this.receive(channelBuffer.toString(), message));
    this.sub.on('ready', () => {
      if (this.everReady) {
        this.log.info('redis connection back; catching up from the database');
        for (const listener of this.reconnectListeners) listener();
      }
      this.everReady = true;
    });
  }

  static async connect(o: RedisBusOptions, log: Logger): Promise<RedisBus> {
    // ioredis is loaded only by a server that joins a cluster.
    const { Redis: RedisClient } = await import('ioredis');
    const bus = new RedisBus(o, log, RedisClient);
    const host = new URL(o.url).host;
    // Both attempts settle before giving up: a connection dropped in the middle of its TLS handshake would raise
    // its error where nobody listens.
    const attempts = await Promise.allSettled([bus.pub.connect(), bus.sub.connect()]);
    const failed = attempts.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (failed) {
      bus.pub.disconnect();
      bus.sub.disconnect();
      const why = (bus.lastError ?? (failed.reason as Error).message).replace(/\.$/, '');
      const hint = /NOAUTH/.test(why)
        ? ' Redis wants a password: put it in REDIS_URL as redis://:password@host:port (or rediss:// for TLS).'
        : /WRONGPASS/.test(why)
          ? ' Redis refused the user name or password in REDIS_URL.'
          : '';
      throw new RedisBusConnectError(`could not connect to Redis at ${host}: ${why}.${hint}`);
    }
    log.info('cluster bus connected', { redis: host, tls: o.url.startsWith('rediss://') });
    return bus;
  }

  private receive(channel: string, message: Buffer): void {
    const sender = ClusterEnvelope.senderOf(message);
    if (sender?.equals(this.envelope.nodeId)) return;
    const handler = this.handlers.get(channel);
    if (!handler) return;
    const opened = this.envelope.open(channel, message);
    if (!opened.ok) {
      // The sender id is only what the message claims; the payload is never logged.
      this.refusals.refuse('cluster message refused', { channel, reason: opened.reason, claimedNode: sender?.toString('hex') ?? null, bytes: message.length });
      return;
    }
    try {
      handler(opened.payload);
    } catch (err) {
      this.log.error('cluster message failed', { channel, err });
    }
  }

  publish(channel: string, payload: Uint8Array): void {
    const message = this.envelope.seal(channel, payload);
    this.pub.publish(channel, message).catch((err: Error) => this.log.warn('redis publish failed', { channel, err: err.message }));
  }

  async subscribe(channel: string, handler: (payload: Uint8Array) => void): Promise<void> {
    this.handlers.set(channel, handler);
    await this.sub.subscribe(channel);
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(channel);
    await this.sub.unsubscribe(channel).catch(() => undefined);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  /** Both connections up and Redis answering PING (commands are not queued while a connection is down). */
  async ping(): Promise<void> {
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready') throw new Error(`redis connection is ${this.pub.status}/${this.sub.status}`);
    await this.pub.ping();
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.refusals.close();
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
