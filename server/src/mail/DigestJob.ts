/**
 * The digest: every `MAIL_DIGEST_MINUTES`, each person gets one mail with the comments that @mention them and
 * the replies in threads they started, written since their last digest, with a link to each report. How far
 * each person's digest got is kept in the database and moved by compare-and-set, so with several nodes running
 * the job only one sends any given comment.
 */
import { listThreads, type ThreadInfo } from '../../../shared/discussion/layout.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { PeriodicRound } from '../jobs/PeriodicRound.ts';
import type { Logger } from '../log.ts';
import type { Storage, UserRecord } from '../storage/Storage.ts';
import type { Mail } from './Mail.ts';
import { digestMail, languageFor, type DigestEntry } from './texts.ts';

const MAX_BODY_CHARS = 600;
const MAX_QUOTE_CHARS = 80;

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** The comments for `user` in these threads written in (from, to]: mentions of them, replies to their threads. */
export function digestEntries(threads: ThreadInfo[], userId: string, from: string, to: string): DigestEntry[] {
  const out: DigestEntry[] = [];
  for (const t of threads) {
    for (const c of t.comments) {
      if (c.deleted || c.authorId === userId || c.createdAt <= from || c.createdAt > to) continue;
      const kind = c.mentions.includes(userId) ? 'mention' : t.authorId === userId ? 'reply' : null;
      if (kind) out.push({ kind, authorName: c.authorName, body: shorten(c.body, MAX_BODY_CHARS), quote: shorten(t.quote, MAX_QUOTE_CHARS) });
    }
  }
  return out;
}

export class DigestJob extends PeriodicRound {
  private intervalMs = 3600_000;

  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
    private readonly mail: Mail,
    log: Logger,
  ) {
    super('digest', log);
  }

  override start(intervalMs: number): void {
    this.intervalMs = intervalMs;
    super.start(intervalMs);
  }

  protected async round(now: Date): Promise<number> {
    if (!this.mail.configured) return 0;
    const to = now.toISOString();
    const firstFrom = new Date(now.getTime() - this.intervalMs).toISOString();
    const threadsOf = new Map<string, Promise<{ title: string; threads: ThreadInfo[] } | null>>();
    const reportThreads = (reportId: string) => {
      let p = threadsOf.get(reportId);
      if (!p) {
        p = (async () => {
          const report = await this.storage.getReport(reportId);
          if (!report) return null;
          return { title: report.title, threads: await this.registry.use(roomName(reportId, 'discussion'), (live) => listThreads(live.doc)) };
        })();
        threadsOf.set(reportId, p);
      }
      return p;
    };
    let sent = 0;
    for (const user of await this.storage.mail.allUsers()) {
      try {
        if (await this.digestFor(user, to, user.createdAt > firstFrom ? user.createdAt : firstFrom, reportThreads)) sent++;
      } catch (err) {
        this.log.warn('digest not sent', { userId: user.id, err });
      }
    }
    return sent;
  }

  private async digestFor(
    user: UserRecord,
    to: string,
    initialFrom: string,
    reportThreads: (id: string) => Promise<{ title: string; threads: ThreadInfo[] } | null>,
  ): Promise<boolean> {
    const from = await this.storage.mail.digestCursor(user.id, initialFrom);
    if (from >= to) return false;
    const reports: { title: string; link: string; entries: DigestEntry[] }[] = [];
    for (const reportId of (await this.storage.access.reportIdsForUser(user.id)).sort()) {
      const found = await reportThreads(reportId);
      if (!found) continue;
      const entries = digestEntries(found.threads, user.id, from, to);
      if (entries.length > 0) reports.push({ title: found.title, link: this.mail.links.report(reportId), entries });
    }
    // Claim the window (from, to] for this person; another node that read the same cursor loses here.
    if (!(await this.storage.mail.claimDigest(user.id, from, to))) return false;
    if (reports.length === 0) return false;
    try {
      await this.mail.mailer.send({ to: user.email, ...digestMail(languageFor(user), { name: user.name, reports }) });
    } catch (err) {
      // Give the window back so the next round tries again (unless a later round moved on meanwhile).
      await this.storage.mail.claimDigest(user.id, to, from);
      throw err;
    }
    return true;
  }
}
