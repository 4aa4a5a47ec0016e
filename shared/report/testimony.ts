/**
 * Testimony records, sensitive names and internal-only sections: what a report's Y.Doc holds about the people who
 * spoke, and what export must hide. Only the parts every member may see live here; a witness's real name and
 * contact stay on the server, readable by owners and editors only (docs/security/testimony.md).
 *
 * ```
 * Y.Map "testimony"   <testimonyId> -> Y.Map
 *     pseudonym: string               "Witness A", editable
 *     takenBy: string                 who took the testimony (a member's name as typed)
 *     takenOn: 'YYYY-MM-DD'
 *     consent: Consent                what the person agreed to
 *     consentOn: 'YYYY-MM-DD'
 *     expiresOn: 'YYYY-MM-DD'         optional: the consent ends after this day
 *     withdrawnBy: string             optional: who recorded the withdrawal
 *     withdrawnAt: ISO string         optional: when
 * Y.Map "sensitiveNames"  <id> -> Y.Map   name: string, replacement: string
 * Y.Map "internalSections" <sectionId> -> true
 * ```
 *
 * Each field is its own key, so one person correcting the pseudonym while another records a withdrawal keep both.
 */
import * as Y from 'yjs';
import { testimonyMaps } from './layout.ts';
import { newUuid } from '../api/uuid.ts';

export const CONSENTS = ['public-named', 'public-anonymised', 'committee-only', 'internal-only'] as const;
export type Consent = (typeof CONSENTS)[number];

export const CONSENT_LABELS: Record<Consent, string> = {
  'public-named': 'public with name',
  'public-anonymised': 'public anonymised',
  'committee-only': 'committee only, confidential',
  'internal-only': 'internal only',
};

/** Who an export is for: anyone (a public submission) or the committee only, in confidence. */
export const AUDIENCES = ['public', 'committee'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  public: 'public',
  committee: 'committee only, confidential',
};

export const MAX_TESTIMONIES = 500;
export const MAX_SENSITIVE_NAMES = 500;
export const MAX_TESTIMONY_FIELD = 200;

export interface TestimonyRecord {
  id: string;
  pseudonym: string;
  takenBy: string;
  takenOn: string;
  consent: Consent;
  consentOn: string;
  /** The last day the consent holds, or '' for none. */
  expiresOn: string;
  withdrawnBy: string;
  /** ISO time of the withdrawal, or '' while consent stands. */
  withdrawnAt: string;
}

export interface SensitiveName {
  id: string;
  name: string;
  replacement: string;
}

export function isConsent(value: unknown): value is Consent {
  return typeof value === 'string' && (CONSENTS as readonly string[]).includes(value);
}

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(map: Y.Map<unknown>, key: string): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : '';
}

function clip(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_TESTIMONY_FIELD);
}

function read(id: string, map: Y.Map<unknown>): TestimonyRecord {
  const consent = map.get('consent');
  const date = (key: string) => (DATE.test(text(map, key)) ? text(map, key) : '');
  return {
    id,
    pseudonym: text(map, 'pseudonym') || 'Unnamed witness',
    takenBy: text(map, 'takenBy'),
    takenOn: date('takenOn'),
    // An unreadable consent is the narrowest one: nothing exports on it.
    consent: isConsent(consent) ? consent : 'internal-only',
    consentOn: date('consentOn'),
    expiresOn: date('expiresOn'),
    withdrawnBy: text(map, 'withdrawnBy'),
    withdrawnAt: text(map, 'withdrawnAt'),
  };
}

/** Every testimony record, by pseudonym. */
export function listTestimonies(doc: Y.Doc): TestimonyRecord[] {
  const out: TestimonyRecord[] = [];
  testimonyMaps(doc).records.forEach((value, id) => {
    if (value instanceof Y.Map) out.push(read(id, value));
  });
  return out.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym, undefined, { numeric: true }) || a.id.localeCompare(b.id));
}

export function getTestimony(doc: Y.Doc, id: string): TestimonyRecord | null {
  const map = testimonyMaps(doc).records.get(id);
  return map instanceof Y.Map ? read(id, map) : null;
}

/** "Witness A", "Witness B" … the first letter not taken yet. */
export function nextPseudonym(doc: Y.Doc): string {
  const taken = new Set(listTestimonies(doc).map((t) => t.pseudonym));
  for (let i = 0; i < 26 * 27; i++) {
    const letters = i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
    const name = `Witness ${letters}`;
    if (!taken.has(name)) return name;
  }
  return `Witness ${taken.size + 1}`;
}

const EDITABLE = ['pseudonym', 'takenBy', 'takenOn', 'consent', 'consentOn', 'expiresOn'] as const;

export type TestimonyFields = Partial<Pick<TestimonyRecord, 'pseudonym' | 'takenBy' | 'takenOn' | 'consent' | 'consentOn' | 'expiresOn'>>;

/** Add a record; returns its id, or null at the limit. */
export function addTestimony(doc: Y.Doc, fields: TestimonyFields, origin?: unknown): string | null {
  const { records } = testimonyMaps(doc);
  if (records.size >= MAX_TESTIMONIES) return null;
  const id = newUuid();
  doc.transact(() => {
    records.set(id, new Y.Map<unknown>());
    updateTestimony(doc, id, { pseudonym: nextPseudonym(doc), consent: 'committee-only', ...fields }, origin);
  }, origin);
  return id;
}

/** Change some fields of a record; a date that is not YYYY-MM-DD clears the field. */
export function updateTestimony(doc: Y.Doc, id: string, fields: TestimonyFields, origin?: unknown): void {
  const map = testimonyMaps(doc).records.get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [key, raw] of Object.entries(fields)) {
      // Only the listed fields: a caller can never put a real name or contact into the shared document.
      if (raw === undefined || typeof raw !== 'string' || !(EDITABLE as readonly string[]).includes(key)) continue;
      if (key === 'consent') {
        if (isConsent(raw)) map.set(key, raw);
      } else if (key === 'takenOn' || key === 'consentOn' || key === 'expiresOn') {
        if (DATE.test(raw)) map.set(key, raw);
        else map.delete(key);
      } else if (key === 'pseudonym' && clip(raw) === '') {
        continue;
      } else {
        map.set(key, clip(raw));
      }
    }
  }, origin);
}

/** Record that the person withdrew their consent: every passage linked to the record is flagged at once. */
export function withdrawConsent(doc: Y.Doc, id: string, by: string, at: Date = new Date(), origin?: unknown): void {
  const map = testimonyMaps(doc).records.get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    map.set('withdrawnBy', clip(by));
    map.set('withdrawnAt', at.toISOString());
  }, origin);
}

/** Take a record away. Passages linked to it stay linked to a missing record, which export treats as no consent. */
export function removeTestimony(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => testimonyMaps(doc).records.delete(id), origin);
}

/** Today's date as YYYY-MM-DD in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type ConsentState = 'valid' | 'withdrawn' | 'expired';

/** Whether the record's consent still holds on `day` (YYYY-MM-DD): withdrawn wins over expired. */
export function consentState(record: TestimonyRecord, day: string = today()): ConsentState {
  if (record.withdrawnAt) return 'withdrawn';
  if (record.expiresOn && record.expiresOn < day) return 'expired';
  return 'valid';
}

/** Whether `consent` lets a passage go into an export for `audience`. `internal-only` never exports. */
export function consentCovers(consent: Consent, audience: Audience): boolean {
  if (consent === 'internal-only') return false;
  if (audience === 'committee') return true;
  return consent === 'public-named' || consent === 'public-anonymised';
}

/** Why a passage linked to `record` (null: a record that no longer exists) cannot go into this export, or null. */
/** Why a passage (or a section) stays out of an export, for the interface to say in its language. */
export type ExclusionWhy =
  | { code: 'record-removed' }
  | { code: 'withdrawn' }
  | { code: 'expired'; on: string }
  | { code: 'internal-only' }
  | { code: 'not-covered'; consent: Consent; audience: Audience }
  | { code: 'internal-section' };

/** Why a passage linked to `record` stays out of an export for `audience` on `day`, or null when it may go in. */
export function exclusionWhy(record: TestimonyRecord | null, audience: Audience, day: string = today()): ExclusionWhy | null {
  if (!record) return { code: 'record-removed' };
  const state = consentState(record, day);
  if (state === 'withdrawn') return { code: 'withdrawn' };
  if (state === 'expired') return { code: 'expired', on: record.expiresOn };
  if (!consentCovers(record.consent, audience)) {
    return record.consent === 'internal-only' ? { code: 'internal-only' } : { code: 'not-covered', consent: record.consent, audience };
  }
  return null;
}

/** The reason in English (exports' logs, the server, messages without an interface language). */
export function exclusionReasonText(why: ExclusionWhy): string {
  switch (why.code) {
    case 'record-removed':
      return 'its testimony record was removed';
    case 'withdrawn':
      return 'consent was withdrawn';
    case 'expired':
      return `consent expired on ${why.on}`;
    case 'internal-only':
      return 'the testimony is internal only and never exports';
    case 'not-covered':
      return `consent is "${CONSENT_LABELS[why.consent]}", which does not cover a ${AUDIENCE_LABELS[why.audience]} export`;
    case 'internal-section':
      return 'the section is internal only and never exports';
  }
}

export function exclusionReason(record: TestimonyRecord | null, audience: Audience, day: string = today()): string | null {
  const why = exclusionWhy(record, audience, day);
  return why ? exclusionReasonText(why) : null;
}

// Sensitive names ------------------------------------------------------------------------------------------

export function listSensitiveNames(doc: Y.Doc): SensitiveName[] {
  const out: SensitiveName[] = [];
  testimonyMaps(doc).names.forEach((value, id) => {
    if (value instanceof Y.Map) {
      const name = text(value, 'name');
      if (name) out.push({ id, name, replacement: text(value, 'replacement') });
    }
  });
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Add a name and what it becomes on export; returns its id, or null when empty or at the limit. */
export function addSensitiveName(doc: Y.Doc, name: string, replacement: string, origin?: unknown): string | null {
  const { names } = testimonyMaps(doc);
  if (!clip(name) || names.size >= MAX_SENSITIVE_NAMES) return null;
  const id = newUuid();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    names.set(id, map);
    map.set('name', clip(name));
    map.set('replacement', clip(replacement));
  }, origin);
  return id;
}

export function updateSensitiveName(doc: Y.Doc, id: string, fields: { name?: string; replacement?: string }, origin?: unknown): void {
  const map = testimonyMaps(doc).names.get(id);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    if (fields.name !== undefined && clip(fields.name)) map.set('name', clip(fields.name));
    if (fields.replacement !== undefined) map.set('replacement', clip(fields.replacement));
  }, origin);
}

export function removeSensitiveName(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => testimonyMaps(doc).names.delete(id), origin);
}

// Internal-only sections -----------------------------------------------------------------------------------

export function internalSectionIds(doc: Y.Doc): string[] {
  return [...testimonyMaps(doc).internalSections.keys()].sort();
}

export function setSectionInternal(doc: Y.Doc, sectionId: string, internal: boolean, origin?: unknown): void {
  const map = testimonyMaps(doc).internalSections;
  doc.transact(() => {
    if (internal) map.set(sectionId, true);
    else map.delete(sectionId);
  }, origin);
}

/** Subscribe to any change of records, names or internal sections; returns the unsubscribe function. */
export function observeTestimony(doc: Y.Doc, listener: () => void): () => void {
  const { records, names, internalSections } = testimonyMaps(doc);
  const handler = () => listener();
  records.observeDeep(handler);
  names.observeDeep(handler);
  internalSections.observe(handler);
  return () => {
    records.unobserveDeep(handler);
    names.unobserveDeep(handler);
    internalSections.unobserve(handler);
  };
}
