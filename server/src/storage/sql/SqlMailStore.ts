/** Mail's tables (migration 8): reset and sign-up tokens (hashes only), report invitations, digest cursors. */
import type { Role } from '../../../../shared/api/roles.ts';
import type { MailStore, ReportInvitationRecord, ReportMemberRecord, SignupClaim, SignupRequest, UserRecord } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

interface InvitationRow {
  id: string;
  report_id: string;
  email: string;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

function toInvitation(r: InvitationRow): ReportInvitationRecord {
  return {
    id: r.id,
    reportId: r.report_id,
    email: r.email,
    role: r.role as Role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    usedBy: r.used_by,
  };
}

export class SqlMailStore implements MailStore {
  constructor(private readonly db: SqlDriver) {}

  createPasswordReset(r: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }, maxPerHour = Infinity): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // One at a time per account, so requests at the same moment cannot all pass the cap (SQLite's
      // transactions are serialised already; PostgreSQL locks the account's row until commit).
      if (this.db.dialect === 'postgres') await tx.get('SELECT id FROM users WHERE id = ? FOR UPDATE', [r.userId]);
      // Tokens past their hour are dropped here; the rest count towards the hourly cap of this account.
      const hourAgo = new Date(Date.parse(r.createdAt) - 3600_000).toISOString();
      await tx.run('DELETE FROM password_resets WHERE user_id = ? AND expires_at <= ?', [r.userId, r.createdAt]);
      const recent = await tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM password_resets WHERE user_id = ? AND created_at > ?', [r.userId, hourAgo]);
      if (Number(recent?.n ?? 0) >= maxPerHour) return false;
      await tx.run('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
        r.tokenHash,
        r.userId,
        r.createdAt,
        r.expiresAt,
      ]);
      return true;
    });
  }

  resetPassword(tokenHash: string, passwordHash: string, now: string) {
    return this.db.transaction(async (tx) => {
      // Deleting the row is what makes the token single-use: of two concurrent uses only one deletes it.
      const row = await tx.get<{ user_id: string; expires_at: string }>('DELETE FROM password_resets WHERE token_hash = ? RETURNING user_id, expires_at', [tokenHash]);
      if (!row || row.expires_at <= now) return null;
      await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, row.user_id]);
      await tx.run('DELETE FROM password_resets WHERE user_id = ?', [row.user_id]);
      const ended = await tx.all<{ token_hash: string }>('DELETE FROM sessions WHERE user_id = ? RETURNING token_hash', [row.user_id]);
      return { userId: row.user_id, endedSessions: ended.map((s) => s.token_hash) };
    });
  }

  async passwordResetUser(tokenHash: string, now: string): Promise<string | null> {
    const row = await this.db.get<{ user_id: string }>('SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?', [tokenHash, now]);
    return row?.user_id ?? null;
  }

  async createSignupRequest(r: SignupRequest & { tokenHash: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db.run('DELETE FROM signup_requests WHERE expires_at <= ?', [r.createdAt]);
    await this.db.run('INSERT INTO signup_requests (token_hash, email, name, password_hash, claim, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      r.tokenHash,
      r.email,
      r.name,
      r.passwordHash,
      r.claim ? JSON.stringify(r.claim) : null,
      r.createdAt,
      r.expiresAt,
    ]);
  }

  async takeSignupRequest(tokenHash: string, now: string): Promise<SignupRequest | null> {
    const row = await this.db.get<{ email: string; name: string; password_hash: string; claim: string | null; expires_at: string }>(
      'DELETE FROM signup_requests WHERE token_hash = ? RETURNING email, name, password_hash, claim, expires_at',
      [tokenHash],
    );
    if (!row || row.expires_at <= now) return null;
    return { email: row.email, name: row.name, passwordHash: row.password_hash, claim: row.claim ? (JSON.parse(row.claim) as SignupClaim) : null };
  }

  async createReportInvitation(inv: ReportInvitationRecord, tokenHash: string): Promise<void> {
    await this.db.run(
      'INSERT INTO report_invitations (id, token_hash, report_id, email, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [inv.id, tokenHash, inv.reportId, inv.email, inv.role, inv.createdBy, inv.createdAt, inv.expiresAt],
    );
  }

  async findReportInvitation(tokenHash: string): Promise<ReportInvitationRecord | null> {
    const row = await this.db.get<InvitationRow>('SELECT * FROM report_invitations WHERE token_hash = ?', [tokenHash]);
    return row ? toInvitation(row) : null;
  }

  acceptReportInvitation(invitationId: string, member: ReportMemberRecord): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const used = await tx.run('UPDATE report_invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL', [
        member.addedAt,
        member.userId,
        invitationId,
      ]);
      if (used === 0) return false;
      await tx.run(
        'INSERT INTO report_members (report_id, user_id, role, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (report_id, user_id) DO UPDATE SET role = excluded.role',
        [member.reportId, member.userId, member.role, member.addedAt],
      );
      return true;
    });
  }

  async allUsers(): Promise<UserRecord[]> {
    // Accounts turned off or deleted get no mail.
    const rows = await this.db.all<{ id: string; email: string; name: string; is_admin: number; created_at: string }>(
      'SELECT id, email, name, is_admin, created_at FROM users WHERE disabled = 0 AND deleted_at IS NULL ORDER BY created_at, id',
    );
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, isAdmin: Number(r.is_admin) === 1, disabled: false, createdAt: r.created_at }));
  }

  async digestCursor(userId: string, initial: string): Promise<string> {
    await this.db.run('INSERT INTO mail_digests (user_id, sent_until) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING', [userId, initial]);
    return (await this.db.get<{ sent_until: string }>('SELECT sent_until FROM mail_digests WHERE user_id = ?', [userId]))!.sent_until;
  }

  async claimDigest(userId: string, from: string, to: string): Promise<boolean> {
    return (await this.db.run('UPDATE mail_digests SET sent_until = ? WHERE user_id = ? AND sent_until = ?', [to, userId, from])) === 1;
  }
}
