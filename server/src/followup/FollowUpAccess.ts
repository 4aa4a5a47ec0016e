/**
 * Who may read and write tracked recommendations. A tracker belongs to a coalition or to one person:
 * - a coalition's items: every member reads them; managers and members whose role on the coalition's reports is
 *   editor or owner write them (import, edit, delete, add to the log); reviewers and viewers read only;
 * - a person's own items (no coalition): only that person.
 * Anyone else gets 404, as for reports (ids reveal nothing). A disabled account has no session, so no access.
 */
import { atLeast } from '../../../shared/api/roles.ts';
import type { FollowUpItem } from '../../../shared/followup/types.ts';
import { Forbidden, NotFound } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';

export type TrackerRight = 'read' | 'write';

export class FollowUpAccess {
  constructor(private readonly storage: Storage) {}

  /** What the person may do with items of this coalition (null: their own tracker), or null for nothing. */
  async rightOn(userId: string, coalitionId: string | null, ownerUserId = userId): Promise<TrackerRight | null> {
    if (!coalitionId) return ownerUserId === userId ? 'write' : null;
    const member = await this.storage.coalitions.member(coalitionId, userId);
    if (!member) return null;
    return member.manager || atLeast(member.reportRole, 'editor') ? 'write' : 'read';
  }

  /** The item if the person may `need` it: 404 when they may not read it, 403 when they may only read it. */
  async require(userId: string, itemId: string, need: TrackerRight): Promise<{ item: FollowUpItem; right: TrackerRight }> {
    const item = await this.storage.followUp.getItem(itemId);
    const right = item ? await this.rightOn(userId, item.coalitionId, item.ownerUserId) : null;
    if (!item || !right) throw new NotFound('No tracked recommendation with this id.');
    if (need === 'write' && right !== 'write') throw new Forbidden('Only editors and managers of the coalition change its tracked recommendations.');
    return { item, right };
  }

  /** Every item the person may read, with what they may do with it. */
  async readable(userId: string): Promise<{ item: FollowUpItem; right: TrackerRight }[]> {
    const coalitions = await this.storage.coalitions.listForUser(userId);
    const rights = new Map<string, TrackerRight>();
    for (const c of coalitions) {
      const right = await this.rightOn(userId, c.id);
      if (right) rights.set(c.id, right);
    }
    const items = await this.storage.followUp.listItems({ coalitionIds: [...rights.keys()], ownerUserId: userId });
    return items.flatMap((item) => {
      const right = item.coalitionId ? rights.get(item.coalitionId) : item.ownerUserId === userId ? 'write' : undefined;
      return right ? [{ item, right }] : [];
    });
  }
}
