/**
 * How server nodes tell each other what happened: document changes (already stored), presence, and access
 * changes that must reach open connections on every node. One node alone uses LocalBus (nothing to tell);
 * several nodes on one PostgreSQL database use RedisBus (REDIS_URL). A node never receives its own messages.
 */
export interface ClusterBus {
  /** True when other nodes may exist (messages are worth publishing). */
  readonly shared: boolean;
  publish(channel: string, payload: Uint8Array): void;
  /** Resolves once the subscription is active, so nothing published after it is missed. */
  subscribe(channel: string, handler: (payload: Uint8Array) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  /** Called after the connection to the bus came back: messages may have been missed meanwhile. */
  onReconnect(listener: () => void): void;
  /** Throws when the bus does not answer (`/readyz`): Redis PING. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A single node: nothing to publish, nobody to hear from. */
export class LocalBus implements ClusterBus {
  readonly shared = false;
  publish(): void {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  onReconnect(): void {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Channel names, in one place. */
export const Channels = {
  document: (room: string) => `rightsdraft:doc:${room}`,
  presence: (room: string) => `rightsdraft:presence:${room}`,
  access: 'rightsdraft:access',
} as const;
