/**
 * Keys for end-to-end encrypted reports (issue 11). `/api/auth/me/keys`: the caller's public keys and their
 * secret keys wrapped in the browser (the server cannot open them). `/api/reports/:id/e2ee`: who the members are
 * with their public keys, the report keys wrapped for the caller, and whether the key must be rotated; and the
 * route by which a member's browser shares the key with newcomers or rotates it.
 */
import { isWrappedSecret } from '../../../shared/e2ee/accountKeys.ts';
import { fromBase64 } from '../../../shared/e2ee/bytes.ts';
import { atLeast } from '../../../shared/api/roles.ts';
import { isReportId } from '../../../shared/protocol/rooms.ts';
import { effectiveMembers } from '../api/memberRoutes.ts';
import type { Config } from '../config.ts';
import { BadRequest, Conflict, Forbidden, HttpError, NotFound } from '../errors.ts';
import { readJsonObject, sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { ReportRecord, Storage } from '../storage/Storage.ts';

/** The most wrapped keys one request may add (one per member). */
const MAX_WRAPS = 500;
/** A wrapped report key is 200 bytes: its base64 is 268 characters. */
const MAX_WRAPPED_CHARS = 400;
/** The most bytes of a wrapped secret's JSON. */
const MAX_WRAP_JSON_CHARS = 2048;

function publicKey(value: unknown, field: string): string {
  const bytes = typeof value === 'string' && value.length <= 64 ? fromBase64(value) : null;
  if (!bytes || bytes.length !== 32) throw new BadRequest('invalid_key', `"${field}" must be a 32-byte key in base64.`, field, { field });
  return value as string;
}

export function wrapJson(value: unknown, field: string): string {
  if (!isWrappedSecret(value)) throw new BadRequest('invalid_wrap', `"${field}" is not a wrapped key.`, field, { field });
  const text = JSON.stringify(value);
  if (text.length > MAX_WRAP_JSON_CHARS) throw new BadRequest('invalid_wrap', `"${field}" is too large.`, field, { field });
  return text;
}

class NoKeys extends HttpError {
  constructor() {
    super(404, 'no_keys', 'This account has no encryption keys yet.');
  }
}

export interface E2eeNotifier {
  /** Tell the open encrypted connections of a report that its keys changed. */
  keysChanged(reportId: string): void;
}

export function registerE2eeRoutes(router: Router, deps: { storage: Storage; access: ReportAccess; notifier: E2eeNotifier }, config: Config): void {
  const { storage, access, notifier } = deps;
  const encryptedReport = async (userId: string, raw: string | undefined, minimum: 'viewer' | 'editor') => {
    if (!isReportId(raw)) throw new NotFound('No report with this id.');
    const found = await access.require(userId, raw, minimum);
    if (!found.report.encrypted) throw new Conflict('not_encrypted', 'This report is not end-to-end encrypted.');
    return found;
  };
  /** Members with their public keys (null before their first encrypted report) and role. */
  const membersWithKeys = async (report: ReportRecord) => {
    const members = await effectiveMembers(storage, access, report);
    const keys = new Map((await storage.e2ee.publicKeys(members.map((m) => m.userId))).map((k) => [k.userId, k]));
    return members.map((m) => ({
      userId: m.userId,
      name: m.name,
      role: m.role,
      boxPublic: keys.get(m.userId)?.boxPublic ?? null,
      signPublic: keys.get(m.userId)?.signPublic ?? null,
    }));
  };

  router.on('GET', '/api/auth/me/keys', async (ctx) => {
    const { user } = await ctx.user();
    const keys = await storage.e2ee.accountKeys(user.id);
    if (!keys) throw new NoKeys();
    sendJson(ctx.res, 200, {
      boxPublic: keys.boxPublic,
      signPublic: keys.signPublic,
      passwordWrap: JSON.parse(keys.passwordWrap) as unknown,
      recoveryWrap: JSON.parse(keys.recoveryWrap) as unknown,
    });
  });

  router.on('POST', '/api/auth/me/keys', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const now = new Date().toISOString();
    const created = await storage.e2ee.createAccountKeys({
      userId: user.id,
      boxPublic: publicKey(body.boxPublic, 'boxPublic'),
      signPublic: publicKey(body.signPublic, 'signPublic'),
      passwordWrap: wrapJson(body.passwordWrap, 'passwordWrap'),
      recoveryWrap: wrapJson(body.recoveryWrap, 'recoveryWrap'),
      createdAt: now,
      updatedAt: now,
    });
    // Keys are never replaced here: a second device that raced the first must take the stored ones.
    if (!created) throw new Conflict('keys_exist', 'This account has encryption keys already; sign in to use them.');
    // Members holding a key of a report this person belongs to share it with them now, if they are online.
    for (const reportId of await storage.access.reportIdsForUser(user.id)) notifier.keysChanged(reportId);
    sendJson(ctx.res, 201, { ok: true });
  });

  // A new password: the browser wraps the same secret keys again (public keys never change here).
  router.on('PUT', '/api/auth/me/keys', async (ctx) => {
    const { user } = await ctx.user();
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const wraps = { passwordWrap: wrapJson(body.passwordWrap, 'passwordWrap'), ...(body.recoveryWrap !== undefined ? { recoveryWrap: wrapJson(body.recoveryWrap, 'recoveryWrap') } : {}) };
    if (!(await storage.e2ee.rewrapAccountKeys(user.id, wraps, new Date().toISOString()))) throw new NoKeys();
    sendJson(ctx.res, 200, { ok: true });
  });

  router.on('GET', '/api/reports/:id/e2ee', async (ctx) => {
    const { user } = await ctx.user();
    const { report, role } = await encryptedReport(user.id, ctx.params.id, 'viewer');
    const [members, generation, wraps] = await Promise.all([membersWithKeys(report), storage.e2ee.keyGeneration(report.id), storage.e2ee.reportKeys(report.id)]);
    const memberIds = new Set(members.map((m) => m.userId));
    const current = wraps.filter((w) => w.generation === generation);
    // A member with keys who lacks the current report key is waiting for it: ask the members online to share it.
    const me = members.find((m) => m.userId === user.id);
    if (generation > 0 && me?.boxPublic && !current.some((w) => w.userId === user.id)) notifier.keysChanged(report.id);
    const mine = wraps.filter((w) => w.userId === user.id);
    // Who wrapped the caller's keys, even if they have left since: the browser checks each wrap's signature.
    const wrappers = await storage.e2ee.publicKeys([...new Set(mine.map((w) => w.wrappedBy))]);
    sendJson(ctx.res, 200, {
      role,
      generation,
      members,
      myKeys: mine.map((w) => ({ generation: w.generation, wrappedKey: w.wrappedKey, wrappedBy: w.wrappedBy })),
      wrappers: Object.fromEntries(wrappers.map((k) => [k.userId, k.signPublic])),
      holders: current.map((w) => w.userId).filter((id) => memberIds.has(id)),
      // Someone who can read the current key is no longer a member: the next writer online rotates it.
      rotationNeeded: current.some((w) => !memberIds.has(w.userId)),
    });
  });

  router.on('POST', '/api/reports/:id/e2ee/keys', async (ctx) => {
    const { user } = await ctx.user();
    const { report, role } = await encryptedReport(user.id, ctx.params.id, 'viewer');
    const body = await readJsonObject(ctx.req, config.maxBodyBytes);
    const generation = body.generation;
    if (!Number.isSafeInteger(generation) || (generation as number) < 1) throw new BadRequest('invalid_generation', '"generation" must be a positive integer.', 'generation');
    if (!Array.isArray(body.wraps) || body.wraps.length === 0 || body.wraps.length > MAX_WRAPS) throw new BadRequest('invalid_wraps', `"wraps" must list 1 to ${MAX_WRAPS} wrapped keys.`, 'wraps', { max: MAX_WRAPS });
    const members = await membersWithKeys(report);
    const withKeys = new Set(members.filter((m) => m.boxPublic).map((m) => m.userId));
    const wraps = body.wraps.map((w: unknown, i: number) => {
      const o = (typeof w === 'object' && w !== null ? w : {}) as Record<string, unknown>;
      if (typeof o.userId !== 'string' || !withKeys.has(o.userId)) throw new BadRequest('not_a_member', `wraps[${i}] is not for a member with encryption keys.`, 'wraps', { index: i });
      if (typeof o.wrappedKey !== 'string' || o.wrappedKey.length > MAX_WRAPPED_CHARS || !fromBase64(o.wrappedKey)) throw new BadRequest('invalid_wrap', `wraps[${i}].wrappedKey is not a wrapped key.`, 'wraps', { index: i });
      return { userId: o.userId, wrappedKey: o.wrappedKey, wrappedBy: user.id };
    });
    const current = await storage.e2ee.keyGeneration(report.id);
    const held = (await storage.e2ee.reportKeys(report.id)).some((w) => w.generation === current && w.userId === user.id);
    const rotating = generation === current + 1;
    // The first key (generation 1) comes from the owner who made the report; a new generation from a writer, who
    // keeps one for themself; sharing the current one from anyone who holds it.
    if (rotating && !(current === 0 ? role === 'owner' : atLeast(role, 'editor'))) throw new Forbidden('Only a writer may make a new report key.');
    if (rotating && !wraps.some((w: { userId: string }) => w.userId === user.id)) throw new BadRequest('invalid_wraps', 'A new key must be wrapped for its maker too.', 'wraps');
    if (!rotating && !held) throw new Forbidden('Only a member holding the current key may share it.');
    if (!(await storage.e2ee.addReportKeys(report.id, generation as number, wraps, new Date().toISOString()))) {
      throw new Conflict('stale_generation', 'The report key changed meanwhile; fetch it again.');
    }
    notifier.keysChanged(report.id);
    sendJson(ctx.res, 200, { generation });
  });
}
