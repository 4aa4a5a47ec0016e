/**
 * Subscriptions to other instances' published library feeds: fetched every LIBRARY_POLL_S seconds with
 * conditional requests (If-None-Match, If-Modified-Since), through safeFetch (no private addresses). The entries
 * of a feed replace the subscription's entries here: read-only, visible to everyone signed in, with their origin;
 * one gone from the feed (unpublished or deleted at the source) is deleted here.
 */
import { newUuid } from '../../../shared/api/uuid.ts';
import { LIBRARY_LIMITS, type LibraryEntry } from '../../../shared/library/entry.ts';
import { readFeed } from '../../../shared/library/feed.ts';
import type { Logger } from '../log.ts';
import type { LibrarySubscriptionRecord, Storage } from '../storage/Storage.ts';
import { FetchRefused, safeFetch } from './safeFetch.ts';

/** The largest feed read. */
export const FEED_MAX_BYTES = 8 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

export interface PollResult {
  changed: boolean;
  error: string | null;
}

export class SubscriptionPoller {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: { allowPrivate: boolean; everyMs: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.pollAll(), this.options.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Poll every subscription once (a call while one is running waits for it instead of overlapping). */
  pollAll(): Promise<void> {
    this.running ??= (async () => {
      try {
        for (const sub of await this.storage.library.listSubscriptions()) await this.poll(sub);
      } catch (err) {
        this.log.warn('library poll failed', { err });
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async poll(sub: LibrarySubscriptionRecord): Promise<PollResult> {
    const at = new Date().toISOString();
    const headers: Record<string, string> = {};
    if (sub.etag) headers['if-none-match'] = sub.etag;
    if (sub.lastModified) headers['if-modified-since'] = sub.lastModified;
    try {
      const res = await safeFetch(sub.url, { allowPrivate: this.options.allowPrivate, headers, maxBytes: FEED_MAX_BYTES, timeoutMs: FETCH_TIMEOUT_MS });
      if (res.status === 304) {
        await this.storage.library.setSubscriptionState(sub.id, { ...sub, lastPolledAt: at, lastError: null });
        return { changed: false, error: null };
      }
      if (res.status !== 200) throw new FetchRefused('http_error', `The feed answered ${res.status}.`);
      let raw: unknown;
      try {
        raw = JSON.parse(res.body.toString('utf8'));
      } catch {
        throw new FetchRefused('http_error', 'The feed is not JSON.');
      }
      const read = readFeed(raw);
      if (!read.ok) throw new FetchRefused('http_error', `The feed was refused: ${read.message}.`);
      const feed = read.feed;
      const held = await this.storage.library.countSubscribed(sub.id);
      if ((await this.storage.library.count()) - held + feed.entries.length > LIBRARY_LIMITS.entriesPerInstance) {
        throw new FetchRefused('too_large', `Taking this feed would pass the instance's ${LIBRARY_LIMITS.entriesPerInstance} library entries.`, { max: LIBRARY_LIMITS.entriesPerInstance });
      }
      const entries = feed.entries.map((e): { key: string; entry: LibraryEntry } => ({
        key: e.id,
        entry: {
          ...e,
          id: newUuid(),
          visibility: 'instance',
          coalitionId: null,
          writer: null,
          origin: { instance: feed.instance, entryId: e.id, version: e.version },
          subscriptionId: sub.id,
          adoptions: e.adoptions.map((a) => ({ ...a, recordedAt: e.updatedAt })),
        },
      }));
      await this.storage.library.replaceSubscribed(sub.id, entries);
      const etag = typeof res.headers.etag === 'string' ? res.headers.etag.slice(0, 200) : null;
      const lastModified = typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'].slice(0, 100) : null;
      await this.storage.library.setSubscriptionState(sub.id, { instance: feed.instance, etag, lastModified, lastPolledAt: at, lastError: null });
      this.log.info('library feed taken', { subscriptionId: sub.id, entries: entries.length });
      return { changed: true, error: null };
    } catch (err) {
      const message = err instanceof FetchRefused ? err.message : 'The feed could not be read.';
      if (!(err instanceof FetchRefused)) this.log.warn('library feed failed', { subscriptionId: sub.id, err });
      await this.storage.library.setSubscriptionState(sub.id, { ...sub, lastPolledAt: at, lastError: message });
      return { changed: false, error: message };
    }
  }
}
