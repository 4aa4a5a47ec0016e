/** Users, sessions and personal access tokens. Only hashes of session and access tokens are stored. */
import type { AccessTokenRecord, AccountStore, CreateUserResult, SessionRecord, SignupClaim, UserRecord } from '../Storage.ts';
import { SqlAuthAttempts } from './SqlAuthAttempts.ts';
import { insertMember } from './SqlCoalitionStore.ts';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';
import { SqlKnownDevices } from './SqlKnownDevices.ts';
import { SqlSignupInvitations } from './SqlSignupInvitations.ts';

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
}

function toUser(r: UserRow): UserRecord {
  return { id: r.id, email: r.email, name: r.name, isAdmin: Number(r.is_admin) === 1, createdAt: r.created_at };
}

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

function toToken(r: TokenRow): AccessTokenRecord {
  return { id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at };
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

  async createUser(user: Omit<UserRecord, 'isAdmin'>, passwordHash: string): Promise<UserRecord | null> {
    const r = await this.create(user, passwordHash, null);
    return r.created ? r.user : null;
  }

  createUserWith(
    user: Omit<UserRecord, 'isAdmin'>,
    passwordHash: string,
    options: { first: boolean; claim: SignupClaim | null; now: string },
  ): Promise<CreateUserResult> {
    return this.create(user, passwordHash, options);
  }

  private create(
    user: Omit<UserRecord, 'isAdmin'>,
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
      return { created: true, user: { ...user, isAdmin: first } };
    });
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
    return row ? toUser(row) : null;
  }

  async hasUsers(): Promise<boolean> {
    return !!(await this.db.get('SELECT id FROM users LIMIT 1'));
  }

  async findUserByEmail(email: string) {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE email = ?', [email]);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      s.tokenHash,
      s.userId,
      s.createdAt,
      s.expiresAt,
    ]);
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const r = await this.db.get<{ token_hash: string; user_id: string; created_at: string; expires_at: string }>(
      'SELECT * FROM sessions WHERE token_hash = ?',
      [tokenHash],
    );
    return r ? { tokenHash: r.token_hash, userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at } : null;
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
    await this.db.run('INSERT INTO access_tokens (id, token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)', [
      t.id,
      tokenHash,
      t.userId,
      t.name,
      t.createdAt,
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
    await this.db.run('UPDATE access_tokens SET last_used_at = ? WHERE id = ?', [at, id]);
  }
}
