/**
 * The submission fields of a report (cover information, submission type, organisations, word limit override),
 * kept in the Y.Doc's "report" map beside the metadata; see the tree in layout.ts. This module alone names them.
 */
import * as Y from 'yjs';
import { coverFieldsMap, positiveCount } from './layout.ts';
import { deadlineParts, type DeadlineParts } from '../deadlines/deadline.ts';
import { isConfidentiality, isSubmissionType, type Confidentiality, type SubmissionType } from './submissionTypes.ts';

const F = {
  session: 'session',
  contact: 'contact',
  submissionType: 'submissionType',
  confidentiality: 'confidentiality',
  organisations: 'organisations',
  wordLimit: 'wordLimit',
  paragraphNumbering: 'paragraphNumbering',
  language: 'language',
  deadline: 'deadline',
  /** With `deadline`: the time and zone of the deadline (see shared/deadlines/; absent means 12:00 Geneva time). */
  deadlineTime: 'deadlineTime',
  deadlineZone: 'deadlineZone',
  period: 'period',
} as const;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An ISO calendar date (YYYY-MM-DD) that exists, or ''. */
export function isoDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : '';
}

export { CONFIDENTIALITIES, SUBMISSION_TYPES, isConfidentiality, isSubmissionType } from './submissionTypes.ts';
export type { Confidentiality, SubmissionType } from './submissionTypes.ts';

/** What the cover page and the formal checks need beyond title, mechanism and State; unset fields are empty. */
export interface CoverFields {
  /** e.g. "UPR 4th cycle, 47th session" or "CERD 112th session". */
  session: string;
  /** Who to contact about the submission (name and e-mail). */
  contact: string;
  submissionType: SubmissionType | null;
  confidentiality: Confidentiality | null;
  organisations: string[];
  /** This report's word limit, overriding the limits table; null follows the table. */
  wordLimit: number | null;
  paragraphNumbering: boolean;
  /** Language of the text as a BCP 47 tag ("en", "fr", "ar"); empty when nobody said. */
  language: string;
  /** The submission deadline as an ISO date (YYYY-MM-DD); empty when nobody set one. */
  deadline: string;
  /** The period the submission covers, e.g. "2019 to 2024" or "since the third cycle's review (2019)". */
  period: string;
}

function organisationList(doc: Y.Doc): Y.Array<string> | null {
  const list = coverFieldsMap(doc).get(F.organisations);
  return list instanceof Y.Array ? (list as Y.Array<string>) : null;
}

export function getCoverFields(doc: Y.Doc): CoverFields {
  const map = coverFieldsMap(doc);
  const type = map.get(F.submissionType);
  const confidentiality = map.get(F.confidentiality);
  return {
    session: str(map.get(F.session)),
    contact: str(map.get(F.contact)),
    submissionType: isSubmissionType(type) ? type : null,
    confidentiality: isConfidentiality(confidentiality) ? confidentiality : null,
    organisations: (organisationList(doc)?.toArray() ?? []).filter((o): o is string => typeof o === 'string'),
    wordLimit: positiveCount(map.get(F.wordLimit)),
    paragraphNumbering: map.get(F.paragraphNumbering) === true,
    language: str(map.get(F.language)),
    deadline: isoDate(map.get(F.deadline)),
    period: str(map.get(F.period)),
  };
}

/** Set some cover fields; null clears a field. The organisation list changes through the functions below. */
export function setCoverFields(doc: Y.Doc, fields: { [K in Exclude<keyof CoverFields, 'organisations'>]?: CoverFields[K] | null }, origin?: unknown): void {
  const map = coverFieldsMap(doc);
  const put = (key: string, value: unknown) => (value === null ? map.delete(key) : map.set(key, value));
  doc.transact(() => {
    for (const key of ['session', 'contact', 'paragraphNumbering', 'language', 'period'] as const) {
      if (fields[key] !== undefined) put(F[key], fields[key]);
    }
    // A deadline is a real calendar date or nothing: anything else clears it.
    if (fields.deadline !== undefined) put(F.deadline, fields.deadline === null ? null : isoDate(fields.deadline) || null);
    if (fields.deadline === null) {
      put(F.deadlineTime, null);
      put(F.deadlineZone, null);
    }
    if (fields.submissionType !== undefined && (fields.submissionType === null || isSubmissionType(fields.submissionType))) {
      put(F.submissionType, fields.submissionType);
    }
    if (fields.confidentiality !== undefined && (fields.confidentiality === null || isConfidentiality(fields.confidentiality))) {
      put(F.confidentiality, fields.confidentiality);
    }
    if (fields.wordLimit !== undefined) put(F.wordLimit, positiveCount(fields.wordLimit));
  }, origin);
}

/**
 * Add a submitting organisation at the end of the list. The list is a Y.Array so that two members adding
 * organisations at once both keep theirs; replacing the whole list would duplicate or drop names.
 */
export function addOrganisation(doc: Y.Doc, name: string, origin?: unknown): void {
  const trimmed = name.trim();
  if (!trimmed) return;
  doc.transact(() => {
    let list = organisationList(doc);
    if (!list) {
      list = new Y.Array<string>();
      coverFieldsMap(doc).set(F.organisations, list);
    }
    list.push([trimmed]);
  }, origin);
}

/** Remove the organisation at `index` if it still has the name the caller saw there. */
export function removeOrganisation(doc: Y.Doc, index: number, name: string, origin?: unknown): void {
  const list = organisationList(doc);
  if (!list || list.get(index) !== name) return;
  doc.transact(() => list.delete(index, 1), origin);
}

/** Rename the organisation at `index` if it still has the name the caller saw there. */
export function renameOrganisation(doc: Y.Doc, index: number, from: string, to: string, origin?: unknown): void {
  const list = organisationList(doc);
  const trimmed = to.trim();
  if (!list || list.get(index) !== from || !trimmed) return;
  doc.transact(() => {
    list.delete(index, 1);
    list.insert(index, [trimmed]);
  }, origin);
}

/**
 * Move the organisation at `from` to position `to` (in the list as it is now) if it still has the name the
 * caller saw there. A move is a delete and an insert, so two people moving the same name at once leave it
 * listed twice; the cover form shows the list, and either can remove the copy.
 */
export function moveOrganisation(doc: Y.Doc, from: number, name: string, to: number, origin?: unknown): void {
  const list = organisationList(doc);
  if (!list || list.get(from) !== name) return;
  const target = Math.max(0, Math.min(list.length - 1, Math.floor(to)));
  if (target === from) return;
  doc.transact(() => {
    list.delete(from, 1);
    list.insert(target, [name]);
  }, origin);
}

/**
 * The submission deadline with its time and zone: the one source of truth for it (the API's PATCH writes here,
 * the catalogue copies it for the list, the calendar and reminders). The cover form's date field sets the date
 * alone, keeping the time and zone (12:00 Geneva time unless the API set others).
 */
export function getDeadlineParts(doc: Y.Doc): DeadlineParts | null {
  const map = coverFieldsMap(doc);
  return deadlineParts(map.get(F.deadline), map.get(F.deadlineTime), map.get(F.deadlineZone));
}

/** Set (or with null clear) the deadline's date, time and zone in one change. */
export function setDeadlineParts(doc: Y.Doc, parts: DeadlineParts | null, origin?: unknown): void {
  const map = coverFieldsMap(doc);
  doc.transact(() => {
    if (!parts) {
      for (const key of [F.deadline, F.deadlineTime, F.deadlineZone]) map.delete(key);
      return;
    }
    map.set(F.deadline, parts.date);
    map.set(F.deadlineTime, parts.time);
    map.set(F.deadlineZone, parts.zone);
  }, origin);
}
