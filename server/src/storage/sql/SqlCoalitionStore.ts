/** Coalitions, their organisations (named on the cover page), members and invitations. */
import type { Role } from '../../../../shared/api/roles.ts';
import type { CoalitionMemberRecord, CoalitionRecord, CoalitionStore, InvitationRecord } from '../Storage.ts';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';

interface CoalitionRow {
  id: string;
  name: string;
  created_by: string;
  created_at: string;
}

interface MemberRow {
  coalition_id: string;
  user_id: string;
  name: string;
  email: string;
  manager: number;
  report_role: string;
  joined_at: string;
}

export interface InvitationRow {
  id: string;
  coalition_id: string;
  report_role: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** The columns of an invitation read back (never its token hash). */
export const INVITATION_COLUMNS = 'id, coalition_id, report_role, created_by, created_at, expires_at, used_at, used_by';

export function toInvitation(r: InvitationRow): InvitationRecord {
  return {
    id: r.id,
    coalitionId: r.coalition_id,
    reportRole: r.report_role as Role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    usedAt: r.used_at,
    usedBy: r.used_by,
  };
}

function toMember(r: MemberRow): CoalitionMemberRecord {
  return {
    coalitionId: r.coalition_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    manager: Number(r.manager) === 1,
    reportRole: r.report_role as Role,
    joinedAt: r.joined_at,
  };
}

const MEMBER_SELECT = `SELECT m.coalition_id, m.user_id, u.name, u.email, m.manager, m.report_role, m.joined_at
  FROM coalition_members m JOIN users u ON u.id = m.user_id`;

export async function insertMember(tx: SqlExecutor, m: Omit<CoalitionMemberRecord, 'name' | 'email'>): Promise<void> {
  await tx.run(
    `INSERT INTO coalition_members (coalition_id, user_id, manager, report_role, joined_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (coalition_id, user_id) DO UPDATE SET report_role = excluded.report_role`,
    [m.coalitionId, m.userId, m.manager ? 1 : 0, m.reportRole, m.joinedAt],
  );
}

async function writeOrganisations(tx: SqlExecutor, coalitionId: string, organisations: string[]): Promise<void> {
  await tx.run('DELETE FROM coalition_organisations WHERE coalition_id = ?', [coalitionId]);
  for (const [i, name] of organisations.entries()) {
    await tx.run('INSERT INTO coalition_organisations (coalition_id, position, name) VALUES (?, ?, ?)', [coalitionId, i, name]);
  }
}

export class SqlCoalitionStore implements CoalitionStore {
  constructor(private readonly db: SqlDriver) {}

  private async withOrganisations(rows: CoalitionRow[]): Promise<CoalitionRecord[]> {
    if (rows.length === 0) return [];
    const orgs = await this.db.all<{ coalition_id: string; name: string }>(
      `SELECT coalition_id, name FROM coalition_organisations WHERE coalition_id IN (${rows.map(() => '?').join(', ')})
       ORDER BY position`,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdBy: r.created_by,
      createdAt: r.created_at,
      organisations: orgs.filter((o) => o.coalition_id === r.id).map((o) => o.name),
    }));
  }

  create(c: CoalitionRecord, creator: { userId: string; joinedAt: string }): Promise<void> {
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO coalitions (id, name, created_by, created_at) VALUES (?, ?, ?, ?)', [c.id, c.name, c.createdBy, c.createdAt]);
      await writeOrganisations(tx, c.id, c.organisations);
      await insertMember(tx, { coalitionId: c.id, userId: creator.userId, manager: true, reportRole: 'owner', joinedAt: creator.joinedAt });
    });
  }

  async get(id: string): Promise<CoalitionRecord | null> {
    const rows = await this.db.all<CoalitionRow>('SELECT * FROM coalitions WHERE id = ?', [id]);
    return (await this.withOrganisations(rows))[0] ?? null;
  }

  async listForUser(userId: string): Promise<CoalitionRecord[]> {
    const rows = await this.db.all<CoalitionRow>(
      `SELECT c.* FROM coalitions c JOIN coalition_members m ON m.coalition_id = c.id WHERE m.user_id = ? ORDER BY c.name, c.id`,
      [userId],
    );
    return this.withOrganisations(rows);
  }

  update(id: string, fields: { name?: string; organisations?: string[] }): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (fields.name !== undefined) await tx.run('UPDATE coalitions SET name = ? WHERE id = ?', [fields.name, id]);
      if (fields.organisations) await writeOrganisations(tx, id, fields.organisations);
    });
  }

  async members(coalitionId: string): Promise<CoalitionMemberRecord[]> {
    const rows = await this.db.all<MemberRow>(`${MEMBER_SELECT} WHERE m.coalition_id = ? ORDER BY u.name, u.id`, [coalitionId]);
    return rows.map(toMember);
  }

  async member(coalitionId: string, userId: string): Promise<CoalitionMemberRecord | null> {
    const row = await this.db.get<MemberRow>(`${MEMBER_SELECT} WHERE m.coalition_id = ? AND m.user_id = ?`, [coalitionId, userId]);
    return row ? toMember(row) : null;
  }

  addMember(m: Omit<CoalitionMemberRecord, 'name' | 'email'>): Promise<void> {
    return insertMember(this.db, m);
  }

  async updateMember(coalitionId: string, userId: string, fields: { manager?: boolean; reportRole?: Role }): Promise<void> {
    if (fields.manager !== undefined) {
      await this.db.run('UPDATE coalition_members SET manager = ? WHERE coalition_id = ? AND user_id = ?', [
        fields.manager ? 1 : 0,
        coalitionId,
        userId,
      ]);
    }
    if (fields.reportRole) {
      await this.db.run('UPDATE coalition_members SET report_role = ? WHERE coalition_id = ? AND user_id = ?', [
        fields.reportRole,
        coalitionId,
        userId,
      ]);
    }
  }

  async removeMember(coalitionId: string, userId: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM coalition_members WHERE coalition_id = ? AND user_id = ?', [coalitionId, userId])) > 0;
  }

  async createInvitation(inv: InvitationRecord, tokenHash: string): Promise<void> {
    await this.db.run(
      `INSERT INTO invitations (id, token_hash, coalition_id, report_role, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [inv.id, tokenHash, inv.coalitionId, inv.reportRole, inv.createdBy, inv.createdAt, inv.expiresAt],
    );
  }

  async findInvitation(tokenHash: string): Promise<InvitationRecord | null> {
    const r = await this.db.get<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE token_hash = ?`, [tokenHash]);
    return r ? toInvitation(r) : null;
  }

  acceptInvitation(invitationId: string, member: Omit<CoalitionMemberRecord, 'name' | 'email'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The WHERE makes single use hold even when two people open the same link at the same moment.
      const claimed = await tx.run('UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL', [
        member.joinedAt,
        member.userId,
        invitationId,
      ]);
      if (claimed === 0) return false;
      const existing = await tx.get<{ report_role: string }>(
        'SELECT report_role FROM coalition_members WHERE coalition_id = ? AND user_id = ?',
        [member.coalitionId, member.userId],
      );
      if (!existing) await insertMember(tx, member);
      return true;
    });
  }
}
