/**
 * A report's keys as this member's browser holds them: the report key of each generation it was given (each
 * wrap's signature checked against its wrapper), who may write (the members' Ed25519 keys by role), and the
 * duties of a member holding the key: make the first key of a new report, share the current key with members
 * who lack it, and rotate it after someone left.
 */
import { canWriteDocument, type Role } from '../../../shared/api/roles.ts';
import type { AccountKeyPairs } from '../../../shared/e2ee/accountKeys.ts';
import { fromBase64, toBase64 } from '../../../shared/e2ee/bytes.ts';
import type { EnvelopeKind } from '../../../shared/e2ee/envelope.ts';
import { newReportKey, unwrapReportKey, wrapReportKey } from '../../../shared/e2ee/keyWrap.ts';
import { safetyCode } from '../../../shared/e2ee/safetyCode.ts';
import { ApiError } from '../api/http.ts';
import { fetchReportKeys, postReportKeys, type E2eeMember, type ReportKeysInfo } from './e2eeApi.ts';

export interface MemberView {
  userId: string;
  name: string;
  role: Role;
  /** Null while the person has never set up encryption. */
  safetyCode: string | null;
  /** Their keys differ from the ones this device saw before for them. */
  keyChanged: boolean;
}

export interface ReportKeys {
  generation: number;
  role: Role;
  keys: Map<number, Uint8Array>;
  members: MemberView[];
  /** Ed25519 public keys of members who may write the given document. */
  writerKey(kind: EnvelopeKind, userId: string): Uint8Array | null;
  /** The Ed25519 public key of any current member, readers too: presence is signed by whoever is there. */
  memberKey(userId: string): Uint8Array | null;
}

const SEEN_PREFIX = 'rightsdraft:e2ee:seen:';

/** Keys seen per collaborator on this device (trust on first use): a change is shown as a warning. */
function checkSeen(accountId: string, members: E2eeMember[]): Set<string> {
  const changed = new Set<string>();
  let seen: Record<string, string> = {};
  try {
    seen = JSON.parse(localStorage.getItem(SEEN_PREFIX + accountId) ?? '{}') as Record<string, string>;
  } catch {
    seen = {};
  }
  for (const m of members) {
    if (!m.boxPublic || !m.signPublic) continue;
    const now = `${m.boxPublic}/${m.signPublic}`;
    if (seen[m.userId] && seen[m.userId] !== now) changed.add(m.userId);
    else seen[m.userId] = now;
  }
  localStorage.setItem(SEEN_PREFIX + accountId, JSON.stringify(seen));
  return changed;
}

/** Accept a collaborator's new keys after comparing safety codes. */
export function acceptChangedKeys(accountId: string, member: E2eeMember): void {
  const seen = JSON.parse(localStorage.getItem(SEEN_PREFIX + accountId) ?? '{}') as Record<string, string>;
  seen[member.userId] = `${member.boxPublic}/${member.signPublic}`;
  localStorage.setItem(SEEN_PREFIX + accountId, JSON.stringify(seen));
}

function wrapsFor(reportId: string, generation: number, key: Uint8Array, members: E2eeMember[], own: AccountKeyPairs) {
  return members
    .filter((m) => m.boxPublic)
    .map((m) => ({
      userId: m.userId,
      wrappedKey: toBase64(wrapReportKey(key, fromBase64(m.boxPublic!)!, { reportId, generation, recipient: m.userId }, own.signSecret)),
    }));
}

/**
 * Fetch and open the report's keys; make, share or rotate them when this member should. Returns null for the
 * key of the current generation when nobody has shared it with this member yet ("waiting for a member").
 */
export async function loadReportKeys(reportId: string, accountId: string, own: AccountKeyPairs, attempt = 0): Promise<{ keys: ReportKeys; current: Uint8Array | null; info: ReportKeysInfo; rotated: boolean }> {
  const info = await fetchReportKeys(reportId);
  const keys = new Map<number, Uint8Array>();
  for (const w of info.myKeys) {
    const wrapper = info.wrappers[w.wrappedBy];
    const wrapped = fromBase64(w.wrappedKey);
    const verify = wrapper ? fromBase64(wrapper) : null;
    if (!wrapped || !verify) continue;
    const key = unwrapReportKey(wrapped, { secretKey: own.boxSecret, publicKey: own.boxPublic }, { reportId, generation: w.generation, recipient: accountId }, verify);
    // A wrap by someone who is not a member is ignored: the server could otherwise hand us a key of its own.
    const wrapperIsMember = info.members.some((m) => m.userId === w.wrappedBy) || w.wrappedBy === accountId;
    if (key && wrapperIsMember) keys.set(w.generation, key);
  }
  const writer = canWriteDocument(info.role, 'content');
  let generation = info.generation;
  let rotated = false;
  // The owner's first visit makes the first key; after someone left, a writer makes a new one for those who stay.
  if (attempt < 3 && ((generation === 0 && info.role === 'owner') || (info.rotationNeeded && writer && (generation === 0 || keys.has(generation))))) {
    const next = generation + 1;
    const key = newReportKey();
    try {
      await postReportKeys(reportId, next, wrapsFor(reportId, next, key, info.members, own));
      if (generation > 0) {
        // Another browser may have made this generation a moment earlier: the server then took our post as sharing
        // and kept its key, not ours. The key is the one the server holds for us; we rotated only if it is ours.
        const settled = await loadReportKeys(reportId, accountId, own, attempt + 1);
        const mine = settled.keys.keys.get(next);
        return { ...settled, rotated: !!mine && mine.length === key.length && mine.every((b, i) => b === key[i]) };
      }
      keys.set(next, key);
      generation = next;
    } catch (err) {
      // Someone else rotated meanwhile: take theirs.
      if (err instanceof ApiError && err.code === 'stale_generation' && attempt < 2) return loadReportKeys(reportId, accountId, own, attempt + 1);
      throw err;
    }
  } else if (keys.has(generation)) {
    // Share the current key with members who have keys of their own but not this one.
    const missing = info.members.filter((m) => m.boxPublic && !info.holders.includes(m.userId));
    if (missing.length > 0) await postReportKeys(reportId, generation, wrapsFor(reportId, generation, keys.get(generation)!, missing, own)).catch(() => undefined);
  }
  const changed = checkSeen(accountId, info.members);
  const signKeys = new Map(info.members.filter((m) => m.signPublic).map((m) => [m.userId, { key: fromBase64(m.signPublic!)!, role: m.role }]));
  const members: MemberView[] = info.members.map((m) => ({
    userId: m.userId,
    name: m.name,
    role: m.role,
    safetyCode: m.boxPublic && m.signPublic ? safetyCode(m.userId, fromBase64(m.boxPublic)!, fromBase64(m.signPublic)!) : null,
    keyChanged: changed.has(m.userId),
  }));
  return {
    info,
    rotated,
    current: keys.get(generation) ?? null,
    keys: {
      generation,
      role: info.role,
      keys,
      members,
      writerKey: (kind, userId) => {
        const found = signKeys.get(userId);
        return found && canWriteDocument(found.role, kind) ? found.key : null;
      },
      memberKey: (userId) => signKeys.get(userId)?.key ?? null,
    },
  };
}
