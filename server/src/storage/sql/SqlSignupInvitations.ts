/** Links that let one person create an account: the setup link (first account) and administrators' invitations. */
import type { SignupInvitationRecord, SignupInvitationStore } from '../Storage.ts';
import type { SqlExecutor } from './SqlDriver.ts';

interface Row {
  id: string;
  kind: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export class SqlSignupInvitations implements SignupInvitationStore {
  constructor(private readonly db: SqlExecutor) {}

  async create(inv: SignupInvitationRecord, tokenHash: string): Promise<void> {
    await this.db.run(
      'INSERT INTO signup_invitations (id, token_hash, kind, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [inv.id, tokenHash, inv.kind, inv.createdBy, inv.createdAt, inv.expiresAt],
    );
  }

  async find(tokenHash: string): Promise<SignupInvitationRecord | null> {
    const r = await this.db.get<Row>('SELECT * FROM signup_invitations WHERE token_hash = ?', [tokenHash]);
    if (!r) return null;
    return {
      id: r.id,
      kind: r.kind === 'setup' ? 'setup' : 'admin',
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
      usedBy: r.used_by,
    };
  }
}
