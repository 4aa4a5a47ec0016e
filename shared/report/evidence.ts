/**
 * Evidence: files (PDF, spreadsheets, audio, letters) attached to a section of the report, as opposed to images in
 * its text. Kept in the report's own Y.Doc (top-level map `evidence`, entry id -> plain object), so the list syncs,
 * works offline and follows undo like the rest; the bytes are attachments on the server. An entry added offline
 * has `pending` (the device's upload id) and no `src` until the file is uploaded.
 */
import * as Y from 'yjs';

const EVIDENCE = 'evidence';

export interface EvidenceEntry {
  id: string;
  sectionId: string;
  fileName: string;
  mimeType: string;
  size: number;
  src: string | null;
  pending: string | null;
  addedBy: string;
  addedAt: string;
}

function evidenceMap(doc: Y.Doc): Y.Map<EvidenceEntry> {
  return doc.getMap<EvidenceEntry>(EVIDENCE);
}

function isEntry(v: unknown): v is EvidenceEntry {
  const e = v as EvidenceEntry | null;
  return !!e && typeof e === 'object' && typeof e.id === 'string' && typeof e.sectionId === 'string' && typeof e.fileName === 'string';
}

/** The section's evidence, oldest first (every section's when `sectionId` is null). */
export function listEvidence(doc: Y.Doc, sectionId: string | null = null): EvidenceEntry[] {
  const out: EvidenceEntry[] = [];
  evidenceMap(doc).forEach((v) => {
    if (isEntry(v) && (sectionId === null || v.sectionId === sectionId)) out.push(v);
  });
  return out.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

export function addEvidence(doc: Y.Doc, entry: EvidenceEntry, origin?: unknown): void {
  doc.transact(() => evidenceMap(doc).set(entry.id, entry), origin);
}

export function removeEvidence(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => evidenceMap(doc).delete(id), origin);
}

/** The uploaded file for entries waiting on `pending`; returns how many. */
export function resolvePendingEvidence(doc: Y.Doc, pending: string, src: string, origin?: unknown): number {
  let n = 0;
  doc.transact(() => {
    const map = evidenceMap(doc);
    map.forEach((v, key) => {
      if (!isEntry(v) || v.pending !== pending) return;
      map.set(key, { ...v, src, pending: null });
      n++;
    });
  }, origin);
  return n;
}

export function observeEvidence(doc: Y.Doc, listener: () => void): () => void {
  const map = evidenceMap(doc);
  map.observe(listener);
  return () => map.unobserve(listener);
}
