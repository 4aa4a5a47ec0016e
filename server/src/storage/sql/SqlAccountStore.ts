/** Users, sessions and personal access tokens. Only hashes of session and access tokens are stored. */
import type { AccessTokenRecord, AccountStore, SessionRecord, UserRecord } from '../Storage.ts';
import { SqlLoginFailures } from './SqlLoginFailures.ts';
import type { SqlDriver } from './SqlDriver.ts';

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
  readonly loginFailures: SqlLoginFailures;

  constructor(private readonly db: SqlDriver) {
    this.loginFailures = new SqlLoginFailures(db);
  }

  createUser(user: Omit<UserRecord, 'isAdmin'>, passwordHash: string): Promise<UserRecord | null> {
    return this.db.transaction(async (tx) => {
      const taken = await tx.get('SELECT id FROM users WHERE email = ?', [user.email]);
      if (taken) return null;
      const first = !(await tx.get('SELECT id FROM users LIMIT 1'));
      await tx.run('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        user.id,
        user.email,
        user.name,
        passwordHash,
        first ? 1 : 0,
        user.createdAt,
      ]);
      // Reports written before accounts existed (schema version 1) have no owner: the first administrator adopts them.
      if (first) await tx.run('UPDATE reports SET owner_user_id = ? WHERE owner_user_id IS NULL', [user.id]);
      return { ...user, isAdmin: first };
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
