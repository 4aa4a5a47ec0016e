/**
 * The coalition a new report is created in (`coalitionId` of POST /api/reports and of a Word import): the caller
 * must be a member whose default report role is at least editor, since a report in the coalition gives every
 * member their default role on it.
 */
import { atLeast } from '../../../shared/api/roles.ts';
import { BadRequest, Forbidden } from '../errors.ts';
import type { CoalitionStore } from '../storage/Storage.ts';

/** The checked coalition id, or null when none was asked for; 400 `unknown_coalition` or 403 otherwise. */
export async function coalitionForNewReport(coalitions: CoalitionStore, userId: string, raw: unknown): Promise<string | null> {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw new BadRequest('invalid_field', '"coalitionId" must be a string.', 'coalitionId');
  const member = await coalitions.member(raw, userId);
  if (!member) throw new BadRequest('unknown_coalition', 'You are not a member of this coalition.', 'coalitionId');
  if (!atLeast(member.reportRole, 'editor')) throw new Forbidden('Your role in this coalition cannot create reports.');
  return raw;
}
