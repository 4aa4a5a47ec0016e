/**
 * Everything the instance holds about one person (GDPR right of access), as one JSON document: the account (never
 * a password or token hash), sessions and tokens (metadata only), memberships, the reports they hold a role on,
 * invitations they created, versions they authored, the comments and suggestions they wrote in the
 * discussions of reports they can still read, and the organisations' sign-on they confirmed there. Other people's comments and data are left out.
 */
import { listSuggestions, listThreads } from '../../../shared/discussion/layout.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { Storage, UserRecord } from '../storage/Storage.ts';
import { compareItems } from '../../../shared/followup/types.ts';

export async function exportAccount(
  deps: { storage: Storage; access: ReportAccess; registry: DocumentRegistry },
  user: UserRecord,
  currentSessionHash: string | null,
) {
  const { storage, access, registry } = deps;
  const now = new Date().toISOString();
  const sessions = await storage.accounts.listSessions(user.id, now);
  const tokens = await storage.accounts.listAccessTokens(user.id);
  const coalitions = [];
  for (const c of await storage.coalitions.listForUser(user.id)) {
    const me = await storage.coalitions.member(c.id, user.id);
    if (me) coalitions.push({ id: c.id, name: c.name, manager: me.manager, reportRole: me.reportRole, joinedAt: me.joinedAt, createdByYou: c.createdBy === user.id });
  }
  const reports = [];
  const comments = [];
  const suggestions = [];
  const signOnsConfirmed = [];
  for (const report of await storage.getReports(await storage.access.reportIdsForUser(user.id))) {
    const role = await access.roleFor(user.id, report);
    if (!role) continue;
    reports.push({ id: report.id, title: report.title, role, owner: report.ownerUserId === user.id, createdAt: report.createdAt });
    for (const c of await storage.signOns.list(report.id)) {
      if (c.confirmedBy.id === user.id) signOnsConfirmed.push({ reportId: report.id, reportTitle: report.title, organisation: c.organisation, confirmedAt: c.confirmedAt });
    }
    const found = await registry.use(roomName(report.id, 'discussion'), (live) => ({
      threads: listThreads(live.doc),
      suggestions: listSuggestions(live.doc),
    }));
    for (const thread of found.threads) {
      const startedByYou = thread.authorId === user.id;
      for (const c of thread.comments) {
        if (c.authorId !== user.id) continue;
        comments.push({
          reportId: report.id,
          reportTitle: report.title,
          threadId: thread.id,
          commentId: c.id,
          // The passage the thread is about, when they opened the thread.
          quote: startedByYou ? thread.quote : null,
          body: c.body,
          authorName: c.authorName,
          createdAt: c.createdAt,
          editedAt: c.editedAt,
          deleted: c.deleted,
        });
      }
    }
    for (const s of found.suggestions) {
      if (s.authorId !== user.id) continue;
      suggestions.push({
        reportId: report.id,
        reportTitle: report.title,
        id: s.id,
        originalText: s.originalText,
        insertText: s.insertText,
        authorName: s.authorName,
        status: s.status,
        createdAt: s.createdAt,
        decidedAt: s.decidedAt,
      });
    }
  }
  return {
    exportedAt: now,
    account: { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, disabled: user.disabled, createdAt: user.createdAt },
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.tokenHash === currentSessionHash,
      createdAt: s.createdAt,
      lastUsedAt: s.lastUsedAt,
      expiresAt: s.expiresAt,
      device: s.device,
    })),
    accessTokens: tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, expiresAt: t.expiresAt })),
    coalitions,
    reports,
    invitationsCreated: (await storage.accounts.invitationsCreatedBy(user.id)).map((i) => ({
      id: i.id,
      coalitionId: i.coalitionId,
      reportRole: i.reportRole,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      // Who accepted it is someone else's data: only whether and when it was used.
      used: i.usedAt !== null,
      usedAt: i.usedAt,
    })),
    versionsAuthored: (await storage.accounts.versionsAuthoredBy(user.id)).map((v) => ({
      id: v.id,
      reportId: v.reportId,
      name: v.name,
      auto: v.auto,
      authorName: v.authorName,
      createdAt: v.createdAt,
    })),
    comments,
    suggestions,
    signOnsConfirmed,
    // Library entries they wrote (issue 14), with their text.
    libraryEntriesWritten: (await storage.library.listReadable({ userId: user.id, coalitionIds: [] }))
      .filter((e) => e.writer?.id === user.id)
      .map((e) => ({ id: e.id, title: e.title, kind: e.kind, text: e.text, visibility: e.visibility, coalitionId: e.coalitionId, version: e.version, createdAt: e.createdAt, updatedAt: e.updatedAt })),
    ...(await followUpOf(storage, user.id)),
  };
}

/** The person's own follow-up tracker with its log, the log entries they wrote in coalitions' trackers, and their calendar feed's date. */
async function followUpOf(storage: Storage, userId: string) {
  const coalitionIds = (await storage.coalitions.listForUser(userId)).map((c) => c.id);
  const items = (await storage.followUp.listItems({ coalitionIds, ownerUserId: userId })).sort(compareItems);
  const log = await storage.followUp.log(items.map((i) => i.id));
  return {
    followUpTracked: items.filter((i) => i.coalitionId === null).map((i) => ({ ...i, log: log.filter((e) => e.itemId === i.id) })),
    followUpLogWritten: log.filter((e) => e.authorId === userId && items.some((i) => i.id === e.itemId && i.coalitionId !== null)),
    calendarFeedCreatedAt: await storage.calendars.created(userId),
  };
}
