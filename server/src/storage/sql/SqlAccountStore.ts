/** Users, sessions and personal access tokens. Only hashes of session and access tokens are stored. */
import type {
  AccessTokenRecord,
  AccountStore,
  AdminUserRecord,
  CreateUserResult,
  InvitationRecord,
  OwnershipTransfer,
  SessionRecord,
  SignupClaim,
  UserRecord,
  VersionRecord,
} from '../Storage.ts';
import { SqlAuthAttempts } from './SqlAuthAttempts.ts';
import { insertMember, INVITATION_COLUMNS, toInvitation, type InvitationRow } from './SqlCoalitionStore.ts';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';
import { SqlKnownDevices } from './SqlKnownDevices.ts';
import { SqlSignupInvitations } from './SqlSignupInvitations.ts';
import { toVersionRecord, VERSION_META, type VersionRow } from './SqlVersionStore.ts';

/** Advisory lock (PostgreSQL) that serialises account creation across nodes, so two people cannot both be "first". */
const SIGNUP_LOCK: [number, number] = [7312, 1];

/** Mark the invitation used by `userId`, if it still may be; false when it was used or expired meanwhile. */
async function claim(tx: SqlExecutor, c: SignupClaim, userId: string, now: string): Promise<boolean> {
  const table = c.kind === 'signup-invitation' ? 'signup_invitations' : c.kind === 'report-invitation' ? 'report_invitations' : 'invitations';
  const changed = await tx.run(`UPDATE ${table} SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?`, [
    now,
    userId,
    c.id,
    now,
  ]);
  return changed === 1;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  is_admin: number;
  created_at: string;
  password_hash: string;
  disabled: number;
  last_seen_at: string | null;
}

function toUser(r: UserRow): UserRecord {
  return { id: r.id, email: r.email, name: r.name, isAdmin: Number(r.is_admin) === 1, createdAt: r.created_at, disabled: Number(r.disabled) === 1 };
}

interface SessionRow {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  device: string;
}

function toSession(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    userId: r.user_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    lastUsedAt: r.last_used_at ?? r.created_at,
    device: r.device,
  };
}

/** Deleted accounts keep a blank row (see deleteUser); nothing reads them as accounts. */
const LIVE = 'deleted_at IS NULL';

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string;
}

function toToken(r: TokenRow): AccessTokenRecord {
  return { id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at };
}

export class SqlAccountStore implements AccountStore {
  readonly attempts: SqlAuthAttempts;
  readonly devices: SqlKnownDevices;
  readonly signupInvitations: SqlSignupInvitations;

  constructor(private readonly db: SqlDriver) {
    this.attempts = new SqlAuthAttempts(db);
    this.devices = new SqlKnownDevices(db);
    this.signupInvitations = new SqlSignupInvitations(db);
  }

  async createUser(user: Omit<UserRecord, 'isAdmin' | 'disabled'>, passwordHash: string): Promise<UserRecord | null> {
    const r = await this.create(user, passwordHash, null);
    return r.created ? r.user : null;
  }

  createUserWith(
    user: Omit<UserRecord, 'isAdmin' | 'disabled'>,
    passwordHash: string,
    options: { first: boolean; claim: SignupClaim | null; now: string },
  ): Promise<CreateUserResult> {
    return this.create(user, passwordHash, options);
  }

  private create(
    user: Omit<UserRecord, 'isAdmin' | 'disabled'>,
    passwordHash: string,
    options: { first: boolean; claim: SignupClaim | null; now: string } | null,
  ): Promise<CreateUserResult> {
    return this.db.transaction(async (tx): Promise<CreateUserResult> => {
      if (this.db.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(?, ?)', SIGNUP_LOCK);
      const taken = await tx.get('SELECT id FROM users WHERE email = ?', [user.email]);
      if (taken) return { created: false, reason: 'email_taken' };
      const first = !(await tx.get('SELECT id FROM users LIMIT 1'));
      if (options && first !== options.first) return { created: false, reason: first ? 'not_first_account' : 'first_account_exists' };
      // Claimed before anything is written, so a used link leaves nothing behind (used_by has no foreign key).
      if (options?.claim && !(await claim(tx, options.claim, user.id, options.now))) return { created: false, reason: 'invitation_used' };
      await tx.run('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        user.id,
        user.email,
        user.name,
        passwordHash,
        first ? 1 : 0,
        user.createdAt,
      ]);
      // Reports written before accounts existed (schema version 1) have no owner: the first administrator adopts them.
      if (first) {
        await tx.run('UPDATE reports SET owner_user_id = ? WHERE owner_user_id IS NULL', [user.id]);
        await tx.run("DELETE FROM signup_invitations WHERE kind = 'setup'");
      }
      const c = options?.claim;
      if (c?.kind === 'coalition-invitation') {
        await insertMember(tx, { coalitionId: c.coalitionId, userId: user.id, manager: false, reportRole: c.reportRole, joinedAt: options!.now });
      }
      if (c?.kind === 'report-invitation') {
        await tx.run('INSERT INTO report_members (report_id, user_id, role, added_at) VALUES (?, ?, ?, ?)', [c.reportId, user.id, c.role, options!.now]);
      }
      return { created: true, user: { ...user, isAdmin: first, disabled: false } };
    });
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await this.db.get<UserRow>(`SELECT * FROM users WHERE id = ? AND ${LIVE}`, [id]);
    return row ? toUser(row) : null;
  }

  async hasUsers(): Promise<boolean> {
    return !!(await this.db.get('SELECT id FROM users LIMIT 1'));
  }

  async findUserByEmail(email: string) {
    const row = await this.db.get<UserRow>(`SELECT * FROM users WHERE email = ? AND ${LIVE}`, [email]);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at, last_used_at, device) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        s.id,
        s.tokenHash,
        s.userId,
        s.createdAt,
        s.expiresAt,
        s.lastUsedAt,
        s.device,
      ]);
      await tx.run('UPDATE users SET last_seen_at = ? WHERE id = ?', [s.lastUsedAt, s.userId]);
    });
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await this.db.get<SessionRow>('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
    return r ? toSession(r) : null;
  }

  async extendSession(tokenHash: string, expiresAt: string): Promise<void> {
    await this.db.run('UPDATE sessions SET expires_at = ? WHERE token_hash = ?', [expiresAt, tokenHash]);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  deleteExpiredSessions(now: string): Promise<number> {
    return this.db.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
  }

  async createAccessToken(t: AccessTokenRecord, tokenHash: string): Promise<void> {
    await this.db.run('INSERT INTO access_tokens (id, token_hash, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      t.id,
      tokenHash,
      t.userId,
      t.name,
      t.createdAt,
      t.expiresAt,
    ]);
  }

  async findAccessToken(tokenHash: string): Promise<AccessTokenRecord | null> {
    const r = await this.db.get<TokenRow>('SELECT * FROM access_tokens WHERE token_hash = ?', [tokenHash]);
    return r ? toToken(r) : null;
  }

  async listAccessTokens(userId: string): Promise<AccessTokenRecord[]> {
    const rows = await this.db.all<TokenRow>('SELECT * FROM access_tokens WHERE user_id = ? ORDER BY created_at', [userId]);
    return rows.map(toToken);
  }

  async deleteAccessToken(userId: string, id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM access_tokens WHERE id = ? AND user_id = ?', [id, userId])) > 0;
  }

  async touchAccessToken(id: string, at: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE access_tokens SET last_used_at = ? WHERE id = ?', [at, id]);
      await tx.run('UPDATE users SET last_seen_at = ? WHERE id = (SELECT user_id FROM access_tokens WHERE id = ?)', [at, id]);
    });
  }

  async getPasswordHash(userId: string): Promise<string | null> {
    const row = await this.db.get<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = ? AND ${LIVE}`, [userId]);
    return row?.password_hash ?? null;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.run(`UPDATE users SET password_hash = ? WHERE id = ? AND ${LIVE}`, [passwordHash, userId]);
  }

  async listSessions(userId: string, now: string): Promise<SessionRecord[]> {
    const rows = await this.db.all<SessionRow>('SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY created_at, id', [userId, now]);
    return rows.map(toSession);
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE sessions SET last_used_at = ? WHERE token_hash = ?', [at, tokenHash]);
      await tx.run('UPDATE users SET last_seen_at = ? WHERE id = (SELECT user_id FROM sessions WHERE token_hash = ?)', [at, tokenHash]);
    });
  }

  deleteSessionById(userId: string, id: string): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE id = ? AND user_id = ?', [id, userId]);
      if (!row) return null;
      await tx.run('DELETE FROM sessions WHERE token_hash = ?', [row.token_hash]);
      return row.token_hash;
    });
  }

  deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE user_id = ?', [userId]);
      const gone = rows.map((r) => r.token_hash).filter((h) => h !== keepTokenHash);
      for (const hash of gone) await tx.run('DELETE FROM sessions WHERE token_hash = ?', [hash]);
      return gone;
    });
  }

  async listUsers(): Promise<AdminUserRecord[]> {
    const rows = await this.db.all<UserRow>(`SELECT * FROM users WHERE ${LIVE} ORDER BY created_at, id`);
    return rows.map((r) => ({ ...toUser(r), lastSeenAt: r.last_seen_at }));
  }

  async setUserDisabled(userId: string, disabled: boolean): Promise<boolean> {
    return (await this.db.run(`UPDATE users SET disabled = ? WHERE id = ? AND ${LIVE}`, [disabled ? 1 : 0, userId])) > 0;
  }

  async getUserLanguage(userId: string): Promise<string | null> {
    const row = await this.db.get<{ language: string | null }>(`SELECT language FROM users WHERE id = ? AND ${LIVE}`, [userId]);
    return row?.language ?? null;
  }

  async setUserLanguage(userId: string, language: string): Promise<boolean> {
    return (await this.db.run(`UPDATE users SET language = ? WHERE id = ? AND ${LIVE}`, [language, userId])) > 0;
  }

  async invitationsCreatedBy(userId: string): Promise<InvitationRecord[]> {
    const rows = await this.db.all<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE created_by = ? ORDER BY created_at DESC, id`, [userId]);
    return rows.map(toInvitation);
  }

  async versionsAuthoredBy(userId: string): Promise<VersionRecord[]> {
    const rows = await this.db.all<VersionRow>(`SELECT ${VERSION_META} FROM versions WHERE author_id = ? ORDER BY created_at DESC, id`, [userId]);
    return rows.map(toVersionRecord);
  }

  async deleteUser(userId: string, transfers: OwnershipTransfer[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const user = await tx.get<{ email: string }>(`SELECT email FROM users WHERE id = ? AND ${LIVE}`, [userId]);
      if (!user) return;
      for (const t of transfers) {
        await tx.run('UPDATE reports SET owner_user_id = ? WHERE id = ? AND owner_user_id = ?', [t.newOwnerId, t.reportId, userId]);
        // The new owner's direct grant is now implied by ownership.
        await tx.run('DELETE FROM report_members WHERE report_id = ? AND user_id = ?', [t.reportId, t.newOwnerId]);
      }
      await tx.run('DELETE FROM report_members WHERE user_id = ?', [userId]);
      await tx.run('DELETE FROM coalition_members WHERE user_id = ?', [userId]);
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
      await tx.run('DELETE FROM calendar_feeds WHERE user_id = ?', [userId]);
      await tx.run('DELETE FROM deadline_reminders WHERE user_id = ?', [userId]);
      // A personal follow-up tracker goes with its owner (a coalition's stays with the coalition).
      await tx.run('DELETE FROM followup_log WHERE item_id IN (SELECT id FROM followup_items WHERE coalition_id IS NULL AND owner_user_id = ?)', [userId]);
      await tx.run('DELETE FROM followup_items WHERE coalition_id IS NULL AND owner_user_id = ?', [userId]);
      await tx.run('DELETE FROM access_tokens WHERE user_id = ?', [userId]);
      // Sign-in attempts for the account and its devices, and the devices it signed in from (see LoginThrottle keys).
      await tx.run('DELETE FROM auth_attempts WHERE key = ? OR key LIKE ?', [`login/account:${user.email}`, `login/device:${userId}:%`]);
      await tx.run('DELETE FROM known_devices WHERE user_id = ?', [userId]);
      // Library entries they wrote stay (their coalition's work, under its licence) without their name.
      await tx.run('UPDATE library_entries SET writer_id = NULL, writer_name = NULL WHERE writer_id = ?', [userId]);
      await tx.run(
        `UPDATE users SET email = ?, name = '', password_hash = '', is_admin = 0, disabled = 1, last_seen_at = NULL, deleted_at = ? WHERE id = ?`,
        [`deleted:${userId}`, new Date().toISOString(), userId],
      );
    });
  }
}
