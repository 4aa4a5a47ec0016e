/** Tracked recommendations: import from a paste, edit, delete, and the dated log of evidence and status. */
import { newUuid } from '../../../shared/api/uuid.ts';
import { isCalendarDate } from '../../../shared/deadlines/deadline.ts';
import { readPaste, type PasteFormat } from '../../../shared/followup/importPaste.ts';
import { compareItems, FOLLOW_UP_LIMITS as L, isFollowUpStatus, type FollowUpItem, type FollowUpItemWithLog, type FollowUpLogEntry } from '../../../shared/followup/types.ts';
import { BadRequest, Conflict } from '../errors.ts';
import type { Storage } from '../storage/Storage.ts';
import type { FollowUpAccess, TrackerRight } from './FollowUpAccess.ts';

const text = (body: Record<string, unknown>, key: string, max: number, options: { required?: boolean } = {}): string | undefined => {
  const v = body[key];
  if (v === undefined && !options.required) return undefined;
  if (typeof v !== 'string' || v.length > max || (options.required && !v.trim())) {
    throw new BadRequest(`invalid_${key}`, `"${key}" is ${options.required ? 'required ' : ''}text of at most ${max} characters.`, key, { field: key, max, required: options.required ? 'yes' : 'no' });
  }
  return v.trim();
};

const dateOrNull = (body: Record<string, unknown>, key: string): string | null | undefined => {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (!isCalendarDate(v)) throw new BadRequest(`invalid_${key}`, `"${key}" is a calendar date (YYYY-MM-DD) or null.`, key, { field: key });
  return v;
};

function httpUrl(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || v.length > L.urlChars) throw new BadRequest('invalid_evidenceUrl', `"evidenceUrl" is an http(s) address of at most ${L.urlChars} characters.`, 'evidenceUrl', { max: L.urlChars });
  try {
    const url = new URL(v);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // refused below
  }
  throw new BadRequest('invalid_evidenceUrl', '"evidenceUrl" must be an http or https address.', 'evidenceUrl');
}

export class FollowUpService {
  constructor(
    private readonly storage: Storage,
    private readonly access: FollowUpAccess,
  ) {}

  async list(userId: string): Promise<(FollowUpItemWithLog & { right: TrackerRight })[]> {
    const readable = await this.access.readable(userId);
    const log = await this.storage.followUp.log(readable.map((r) => r.item.id));
    readable.sort((a, b) => compareItems(a.item, b.item));
    return readable.map(({ item, right }) => ({ ...item, right, log: log.filter((e) => e.itemId === item.id) }));
  }

  async import(user: { id: string; name: string }, body: Record<string, unknown>): Promise<FollowUpItem[]> {
    const coalitionId = body.coalitionId ?? null;
    if (coalitionId !== null && typeof coalitionId !== 'string') throw new BadRequest('invalid_coalitionId', '"coalitionId" is a coalition id or null.', 'coalitionId');
    const right = await this.access.rightOn(user.id, coalitionId);
    if (right !== 'write') {
      if (right === 'read') throw new BadRequest('read_only', 'Only editors and managers of the coalition add recommendations to its tracker.', 'coalitionId');
      throw new BadRequest('unknown_coalition', 'You are not a member of this coalition.', 'coalitionId');
    }
    const format = body.format ?? 'treaty-body';
    if (format !== 'treaty-body' && format !== 'upr') throw new BadRequest('invalid_format', '"format" is "treaty-body" or "upr".', 'format');
    const state = text(body, 'state', L.stateChars, { required: true })!;
    const paste = text(body, 'text', L.pasteChars, { required: true })!;
    const adoptedOn = dateOrNull(body, 'adoptedOn') ?? null;
    const symbol = text(body, 'documentSymbol', L.symbolChars);
    const mechanism = text(body, 'mechanism', 20);
    const parsed = readPaste(paste, format as PasteFormat, { adoptedOn, documentSymbol: symbol, mechanism });
    if (parsed.recommendations.length === 0) throw new BadRequest('nothing_found', 'No recommendation was found in the text: paste the numbered paragraphs as the committee printed them.', 'text');
    if (parsed.recommendations.length > L.itemsPerImport) throw new BadRequest('too_many', `At most ${L.itemsPerImport} recommendations at once.`, 'text', { max: L.itemsPerImport });
    const held = await this.storage.followUp.countItems({ coalitionId, ownerUserId: user.id });
    if (held + parsed.recommendations.length > L.items) throw new Conflict('tracker_full', `A tracker holds at most ${L.items} recommendations.`, { max: L.items });
    const createdAt = new Date().toISOString();
    const items: FollowUpItem[] = parsed.recommendations.map((r) => ({
      id: newUuid(),
      coalitionId,
      ownerUserId: user.id,
      state,
      mechanism: parsed.mechanism || 'other',
      documentSymbol: parsed.documentSymbol.slice(0, L.symbolChars),
      paragraph: r.paragraph.slice(0, L.paragraphChars),
      topic: r.topic.slice(0, L.topicChars),
      text: r.text.slice(0, L.textChars),
      followUpDue: r.followUpDue,
      createdByName: user.name,
      createdAt,
    }));
    await this.storage.followUp.createItems(items);
    return items;
  }

  async update(item: FollowUpItem, body: Record<string, unknown>): Promise<FollowUpItem> {
    const unknown = Object.keys(body).find((k) => !['text', 'topic', 'paragraph', 'followUpDue'].includes(k));
    if (unknown) throw new BadRequest('unknown_field', `"${unknown.slice(0, 40)}" cannot be changed.`, undefined, { field: unknown.slice(0, 40) });
    const fields = {
      text: text(body, 'text', L.textChars),
      topic: text(body, 'topic', L.topicChars),
      paragraph: text(body, 'paragraph', L.paragraphChars),
      followUpDue: dateOrNull(body, 'followUpDue'),
    };
    if (fields.text === '') throw new BadRequest('invalid_text', 'A recommendation needs its text.', 'text');
    await this.storage.followUp.updateItem(item.id, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
    return (await this.storage.followUp.getItem(item.id))!;
  }

  async delete(id: string): Promise<void> {
    await this.storage.followUp.deleteItem(id);
  }

  async addLog(item: FollowUpItem, author: { id: string; name: string }, body: Record<string, unknown>): Promise<FollowUpLogEntry> {
    if (!isFollowUpStatus(body.status)) throw new BadRequest('invalid_status', '"status" is one of "no action", "in progress", "partly implemented", "implemented", "regressed".', 'status');
    const observedOn = dateOrNull(body, 'observedOn');
    if (!observedOn) throw new BadRequest('invalid_observedOn', '"observedOn" is the calendar date (YYYY-MM-DD) the evidence is from.', 'observedOn');
    if ((await this.storage.followUp.countLog(item.id)) >= L.logEntriesPerItem) throw new Conflict('log_full', `A recommendation's log holds at most ${L.logEntriesPerItem} entries.`, { max: L.logEntriesPerItem });
    const entry: FollowUpLogEntry = {
      id: newUuid(),
      itemId: item.id,
      place: text(body, 'place', L.placeChars) ?? '',
      status: body.status,
      note: text(body, 'note', L.noteChars) ?? '',
      evidenceUrl: httpUrl(body.evidenceUrl),
      observedOn,
      authorId: author.id,
      authorName: author.name,
      createdAt: new Date().toISOString(),
    };
    await this.storage.followUp.addLog(entry);
    return entry;
  }
}
