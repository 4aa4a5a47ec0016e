/**
 * The cluster bus over Redis pub/sub: one connection publishes, one subscribes. Every message starts with the
 * sending node's 16-byte id so a node skips its own. Redis keeps nothing: a node that was cut off catches up
 * from the database (see onReconnect), which holds every change before it is published.
 */
import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import type { ClusterBus } from './ClusterBus.ts';

const ID_BYTES = 16;

export class RedisBus implements ClusterBus {
  readonly shared = true;
  private readonly nodeId = crypto.randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, (payload: Uint8Array) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private everReady = false;

  private constructor(url: string, private readonly log: Logger) {
    const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: true };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, options);
    for (const [name, client] of [['publish', this.pub], ['subscribe', this.sub]] as const) {
      client.on('error', (err: Error) => this.log.warn('redis connection error', { connection: name, err: err.message }));
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (message.length < ID_BYTES || message.subarray(0, ID_BYTES).equals(this.nodeId)) return;
      const handler = this.handlers.get(channel.toString());
      if (!handler) return;
      try {
        handler(new Uint8Array(message.buffer, message.byteOffset + ID_BYTES, message.length - ID_BYTES));
      } catch (err) {
        this.log.error('cluster message failed', { channel: channel.toString(), err });
      }
    });
    this.sub.on('ready', () => {
      if (this.everReady) {
        this.log.info('redis connection back; catching up from the database');
        for (const listener of this.reconnectListeners) listener();
      }
      this.everReady = true;
    });
  }

  static async connect(url: string, log: Logger): Promise<RedisBus> {
    const bus = new RedisBus(url, log);
    await Promise.all([bus.pub.connect(), bus.sub.connect()]);
    log.info('cluster bus connected', { redis: new URL(url).host });
    return bus;
  }

  publish(channel: string, payload: Uint8Array): void {
    const message = Buffer.concat([this.nodeId, payload]);
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

  async close(): Promise<void> {
    this.handlers.clear();
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
