/**
 * Accounts people manage themselves and administrators manage: sessions (list, end), a new password, deleting
 * the account, turning an account off. Whatever ends a session or token also closes its open sync connections,
 * on every node (SyncServer.closeCredential goes through the cluster relay).
 */
import type { Logger } from '../log.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { AdminUserRecord, OwnershipTransfer, SessionRecord, Storage, UserRecord } from '../storage/Storage.ts';
import type { SyncServer } from '../sync/SyncServer.ts';

export type DeletionBlocker =
  | { code: 'sole_owner'; message: string; params: { count: number } }
  | { code: 'sole_manager'; message: string; params: { count: number } }
  | { code: 'sole_admin'; message: string };

export class AccountService {
  constructor(
    private readonly storage: Storage,
    private readonly access: ReportAccess,
    private readonly sync: SyncServer,
    private readonly log: Logger,
  ) {}

  /** The token hash behind a principal's credential when it is a browser session, else null. */
  static sessionHash(credential: string): string | null {
    return credential.startsWith('session:') ? credential.slice('session:'.length) : null;
  }

  private closeSessions(tokenHashes: string[]): void {
    for (const hash of tokenHashes) this.sync.closeCredential(`session:${hash}`);
  }

  private async closeTokens(userId: string): Promise<void> {
    for (const t of await this.storage.accounts.listAccessTokens(userId)) this.sync.closeCredential(`token:${t.id}`);
  }

  listSessions(userId: string): Promise<SessionRecord[]> {
    return this.storage.accounts.listSessions(userId, new Date().toISOString());
  }

  /** End one of the user's sessions; the ended session's token hash, or null when it is not theirs. */
  async endSession(userId: string, sessionId: string): Promise<string | null> {
    const hash = await this.storage.accounts.deleteSessionById(userId, sessionId);
    if (hash) this.closeSessions([hash]);
    return hash;
  }

  /** End every session of the user but `keep` (the caller's own). */
  async endOtherSessions(userId: string, keepTokenHash: string | null): Promise<number> {
    const ended = await this.storage.accounts.deleteSessionsOf(userId, keepTokenHash);
    this.closeSessions(ended);
    return ended.length;
  }

  /**
   * What stands in the way of deleting this account: reports it alone owns, coalitions it alone manages (with
   * other members), or being the instance's only administrator. Also the reports that pass to a co-owner.
   */
  async deletionPlan(user: UserRecord): Promise<{ blockers: DeletionBlocker[]; transfers: OwnershipTransfer[] }> {
    const blockers: DeletionBlocker[] = [];
    const transfers: OwnershipTransfer[] = [];
    const reports = await this.storage.getReports(await this.storage.access.reportIdsForUser(user.id));
    let soleOwned = 0;
    for (const report of reports.filter((r) => r.ownerUserId === user.id)) {
      const direct = (await this.storage.access.members(report.id)).filter((m) => m.userId !== user.id && m.role === 'owner').map((m) => m.userId);
      const viaCoalition = report.coalitionId
        ? (await this.storage.coalitions.members(report.coalitionId)).filter((m) => m.userId !== user.id && m.reportRole === 'owner').map((m) => m.userId)
        : [];
      let heir: string | null = null;
      for (const candidate of [...direct, ...viaCoalition]) {
        if ((await this.access.roleFor(candidate, report)) === 'owner' && (await this.storage.accounts.getUser(candidate))) {
          heir = candidate;
          break;
        }
      }
      if (heir) transfers.push({ reportId: report.id, newOwnerId: heir });
      else soleOwned++;
    }
    if (soleOwned > 0) {
      const them = soleOwned === 1 ? 'it' : 'them';
      blockers.push({
        code: 'sole_owner',
        message:
          `You are the only owner of ${soleOwned} ${soleOwned === 1 ? 'report' : 'reports'}. Before you delete your account, ` +
          `give someone else the owner role on ${them} (transfer ownership), or delete ${them}.`,
        params: { count: soleOwned },
      });
    }
    let soleManaged = 0;
    for (const coalition of await this.storage.coalitions.listForUser(user.id)) {
      const members = await this.storage.coalitions.members(coalition.id);
      const managers = members.filter((m) => m.manager);
      if (members.length > 1 && managers.length === 1 && managers[0]!.userId === user.id) soleManaged++;
    }
    if (soleManaged > 0) {
      blockers.push({
        code: 'sole_manager',
        message:
          `You are the only manager of ${soleManaged} ${soleManaged === 1 ? 'coalition' : 'coalitions'} that other people belong to. ` +
          `Make another member a manager first.`,
        params: { count: soleManaged },
      });
    }
    if (user.isAdmin) {
      const admins = (await this.storage.accounts.listUsers()).filter((u) => u.isAdmin && !u.disabled);
      if (admins.length <= 1) {
        blockers.push({ code: 'sole_admin', message: 'You are the only administrator of this site. Make someone else an administrator first.' });
      }
    }
    return { blockers, transfers };
  }

  /**
   * Delete the account (the caller confirmed the password, and deletionPlan found no blocker). Their comments and
   * suggestions stay in the reports under the name they had; their memberships, sessions and tokens go.
   */
  async deleteAccount(user: UserRecord, transfers: OwnershipTransfer[]): Promise<void> {
    const sessions = await this.storage.accounts.listSessions(user.id, new Date(0).toISOString());
    const tokens = await this.storage.accounts.listAccessTokens(user.id);
    const reportIds = await this.storage.access.reportIdsForUser(user.id);
    await this.storage.accounts.deleteUser(user.id, transfers);
    this.closeSessions(sessions.map((s) => s.tokenHash));
    for (const t of tokens) this.sync.closeCredential(`token:${t.id}`);
    // Whatever connection is left (opened in the moment before) loses its role now.
    for (const reportId of reportIds) await this.sync.recheck({ userId: user.id, reportId });
    this.log.info('account deleted', { userId: user.id, reportsTransferred: transfers.length });
  }

  listUsers(): Promise<AdminUserRecord[]> {
    return this.storage.accounts.listUsers();
  }

  /** Turn an account off (its sessions end, its tokens and connections stop at once) or on again. */
  async setDisabled(userId: string, disabled: boolean): Promise<AdminUserRecord | null> {
    if (!(await this.storage.accounts.setUserDisabled(userId, disabled))) return null;
    if (disabled) {
      this.closeSessions(await this.storage.accounts.deleteSessionsOf(userId, null));
      await this.closeTokens(userId);
    }
    this.log.info(disabled ? 'account turned off' : 'account turned on', { userId });
    return (await this.storage.accounts.listUsers()).find((u) => u.id === userId) ?? null;
  }
}
