/**
 * Versions of an end-to-end encrypted report, made and read in the browser (docs/ENCRYPTION.md, "Versions"). The
 * server keeps sealed blobs and cannot read them, so this does what VersionService does for a plain report: seal
 * the state of both documents with a name, open and check each one (a version whose signature or decryption fails
 * is unreadable and never applied), read one as sections, compare with now, and restore one as a new change made
 * here (after keeping the current state as a version first).
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../../../../shared/e2ee/bytes.ts';
import { openVersion, sealVersion, type OpenVersionResult } from '../../../../shared/e2ee/versionBlob.ts';
import { compareReports, type SectionComparison } from '../../../../shared/report/compare.ts';
import { reportContent } from '../../../../shared/report/content.ts';
import { restoreReport } from '../../../../shared/report/layout.ts';
import { request } from '../../api/http.ts';
import { loadDeviceKeys } from '../../e2ee/deviceKeys.ts';
import { i18n } from '../../i18n/i18n.ts';
import { loadKeysInTurn } from '../../sync/encrypted/tabKeys.ts';
import type { VersionContent } from '../review/reviewApi.ts';

/** Sealed versions hold a whole report: give them longer than other requests. */
const TIMEOUT_MS = 60_000;

/** What the server lists: no name (it is sealed). */
export interface SealedVersionInfo {
  id: string;
  generation: number;
  makerId: string;
  makerName: string;
  createdAt: string;
  bytes: number;
}

/** A version as this browser could open it. */
export type OpenedVersion = SealedVersionInfo &
  ({ readable: true; name: string; content: Uint8Array; discussion: Uint8Array } | { readable: false; reason: Extract<OpenVersionResult, { ok: false }>['reason'] | 'unavailable' });

const path = (reportId: string, versionId?: string) =>
  `/api/reports/${encodeURIComponent(reportId)}/encrypted-versions${versionId ? `/${encodeURIComponent(versionId)}` : ''}`;

/** The report's keys as this member holds them (every generation it was given) and its own signing key. */
async function keysFor(reportId: string, accountId: string) {
  const own = await loadDeviceKeys(accountId);
  if (!own) throw new Error(i18n.t('encryptedVersions.noDeviceKeys'));
  const loaded = await loadKeysInTurn(reportId, accountId, own);
  return { own, keys: loaded.keys, current: loaded.current };
}

/** Every version, opened and checked here, newest first. */
export async function loadVersions(reportId: string, accountId: string): Promise<OpenedVersion[]> {
  const { versions } = await request<{ versions: SealedVersionInfo[] }>(path(reportId), { timeoutMs: TIMEOUT_MS });
  const { keys } = await keysFor(reportId, accountId);
  return Promise.all(
    versions.map(async (info): Promise<OpenedVersion> => {
      let data: Uint8Array | null = null;
      try {
        data = fromBase64((await request<{ data: string }>(path(reportId, info.id), { timeoutMs: TIMEOUT_MS })).data);
      } catch {
        data = null;
      }
      if (!data) return { ...info, readable: false, reason: 'unavailable' };
      const opened = openVersion(data, { reportId, writerKey: (userId) => keys.writerKey('content', userId), reportKey: (g) => keys.keys.get(g) ?? null });
      if (!opened.ok) return { ...info, readable: false, reason: opened.reason };
      // The list's maker and generation are the server's word: the sealed header is what counts.
      if (opened.header.signer !== info.makerId || opened.header.generation !== info.generation) return { ...info, readable: false, reason: 'wrong-report' };
      return { ...info, readable: true, name: opened.version.name, content: opened.version.content, discussion: opened.version.discussion };
    }),
  );
}

/** Seal the current state of both documents under the current key, signed by this account, and keep it. */
export async function saveVersion(reportId: string, accountId: string, name: string, content: Y.Doc, discussion: Y.Doc): Promise<SealedVersionInfo> {
  const { own, keys, current } = await keysFor(reportId, accountId);
  if (!current) throw new Error(i18n.t('encryptedVersions.noCurrentKey'));
  const sealed = sealVersion(
    { reportId, generation: keys.generation, signer: accountId },
    { name, content: Y.encodeStateAsUpdate(content), discussion: Y.encodeStateAsUpdate(discussion) },
    current,
    own.signSecret,
  );
  return request<SealedVersionInfo>(path(reportId), { method: 'POST', body: { data: toBase64(sealed) }, timeoutMs: TIMEOUT_MS });
}

export async function deleteVersion(reportId: string, versionId: string): Promise<void> {
  await request(path(reportId, versionId), { method: 'DELETE', timeoutMs: TIMEOUT_MS });
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** A readable version as the viewer shows it (the same shape as a plain version's content). */
export function versionContent(reportId: string, v: Extract<OpenedVersion, { readable: true }>): VersionContent {
  const doc = docFrom(v.content);
  try {
    return {
      id: reportId,
      ...reportContent(doc),
      version: { id: v.id, name: v.name, auto: false, kind: 'named', authorId: v.makerId, authorName: v.makerName, createdAt: v.createdAt },
    } as VersionContent;
  } finally {
    doc.destroy();
  }
}

/** Compare two readable versions, or one with the live document (`now`). */
export function compare(from: Extract<OpenedVersion, { readable: true }>, to: Extract<OpenedVersion, { readable: true }> | { now: Y.Doc }): SectionComparison[] {
  const a = docFrom(from.content);
  const b = 'now' in to ? null : docFrom(to.content);
  try {
    return compareReports(reportContent(a), reportContent(b ?? (to as { now: Y.Doc }).now));
  } finally {
    a.destroy();
    b?.destroy();
  }
}

/** Origin of the change a restore makes in this browser. */
export const RESTORE_ORIGIN = 'restore-encrypted-version';

/**
 * Restore a readable version: keep today's state as a version first (as the server does for plain reports; if it
 * cannot be kept, nothing is restored), then apply the version's content to the live document as a new change,
 * which the encrypted transport seals and sends like any edit. Comments and suggestions stay as they are now.
 */
export async function restoreVersion(
  reportId: string,
  accountId: string,
  v: Extract<OpenedVersion, { readable: true }>,
  live: { content: Y.Doc; discussion: Y.Doc },
  safetyName: string,
): Promise<SealedVersionInfo> {
  const safety = await saveVersion(reportId, accountId, safetyName, live.content, live.discussion);
  const source = docFrom(v.content);
  try {
    restoreReport(live.content, source, RESTORE_ORIGIN);
  } finally {
    source.destroy();
  }
  return safety;
}
