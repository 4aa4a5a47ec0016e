/**
 * THE layout of a report's Y.Doc. Client, server, export and tests reach the document only through this
 * module; nothing else names a top-level type or a section field.
 *
 * ```
 * Y.Doc
 * ├─ Y.Map "report"      schemaVersion: 1            layout version of this module
 * │                      editorSchemaVersion: number the oldest editor schema that can edit the text safely
 * │                      title, mechanism, stateUnderReview: string
 * │                      createdAt: ISO string
 * │                      optional cover fields (absent until someone sets them):
 * │                      session, submissionType, contact, language (BCP 47): string
 * │                      confidentiality: 'public' | 'confidential'   wordLimit: number
 * │                      organisations: Y.Array<string>             every submitting organisation, in order
 * │                      priorRecommendations: Y.Array<Y.Map>       earlier recommendations and the coalition's
 * │                                                                  assessment: id, text, source, assessment, comment
 * └─ Y.Map "sections"    <sectionId> -> Y.Map
 *                           title: string
 *                           order: string              fractional-index key; display order is (order, id)
 *                           status: 'drafting' | 'in-review' | 'final'
 *                           tags: Y.Map<tagId, true>
 *                           body: Y.XmlFragment        TipTap/ProseMirror nodes (paragraph, heading, ...)
 *                           createdAt: ISO string
 * ```
 *
 * Sections live in a map rather than an array because Yjs arrays cannot move an element: a move would be a
 * delete plus an insert, which duplicates a section when two people move it at once and drops the text
 * someone was typing into it. Moving here rewrites `order` only.
 */
import * as Y from 'yjs';
import type { Mechanism } from '../api/mechanisms.ts';
import { compareOrder, orderBetween } from './order.ts';
import { newUuid } from '../api/uuid.ts';

/** Version of this layout. Bump with a migration when a field changes meaning. */
export const REPORT_SCHEMA_VERSION = 1;

export const SECTION_STATUSES = ['drafting', 'in-review', 'final'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

const REPORT_MAP = 'report';
const SECTIONS_MAP = 'sections';

const F = {
  schemaVersion: 'schemaVersion',
  editorSchemaVersion: 'editorSchemaVersion',
  title: 'title',
  mechanism: 'mechanism',
  stateUnderReview: 'stateUnderReview',
  createdAt: 'createdAt',
  session: 'session',
  submissionType: 'submissionType',
  contact: 'contact',
  language: 'language',
  confidentiality: 'confidentiality',
  wordLimit: 'wordLimit',
  organisations: 'organisations',
  priorRecommendations: 'priorRecommendations',
} as const;

const S = {
  title: 'title',
  order: 'order',
  status: 'status',
  tags: 'tags',
  body: 'body',
  createdAt: 'createdAt',
} as const;

export interface ReportMeta {
  schemaVersion: number;
  editorSchemaVersion: number;
  title: string;
  mechanism: Mechanism | string;
  stateUnderReview: string;
  createdAt: string;
}

export interface SectionInfo {
  id: string;
  title: string;
  order: string;
  status: SectionStatus;
  tags: string[];
  createdAt: string;
}

type SectionMap = Y.Map<unknown>;

function reportMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REPORT_MAP);
}

function sectionsMap(doc: Y.Doc): Y.Map<SectionMap> {
  return doc.getMap(SECTIONS_MAP) as Y.Map<SectionMap>;
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function isSectionStatus(value: unknown): value is SectionStatus {
  return typeof value === 'string' && (SECTION_STATUSES as readonly string[]).includes(value);
}

export interface NewReport {
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  editorSchemaVersion: number;
  createdAt?: string;
}

/**
 * Write a new report's metadata. Fields already present are left alone, so the server and an offline client
 * that both initialise the same report id do not overwrite each other's later edits.
 */
export function initReport(doc: Y.Doc, meta: NewReport, origin?: unknown): void {
  const map = reportMap(doc);
  doc.transact(() => {
    const put = (key: string, value: unknown) => {
      if (!map.has(key)) map.set(key, value);
    };
    put(F.schemaVersion, REPORT_SCHEMA_VERSION);
    put(F.editorSchemaVersion, meta.editorSchemaVersion);
    put(F.title, meta.title);
    put(F.mechanism, meta.mechanism);
    put(F.stateUnderReview, meta.stateUnderReview);
    put(F.createdAt, meta.createdAt ?? new Date().toISOString());
  }, origin);
}

/** True once any client or the server has written the report's metadata. */
export function isInitialised(doc: Y.Doc): boolean {
  return reportMap(doc).has(F.schemaVersion);
}

export function getReportMeta(doc: Y.Doc): ReportMeta {
  const map = reportMap(doc);
  return {
    schemaVersion: num(map.get(F.schemaVersion), REPORT_SCHEMA_VERSION),
    editorSchemaVersion: num(map.get(F.editorSchemaVersion), 1),
    title: str(map.get(F.title)),
    mechanism: str(map.get(F.mechanism)),
    stateUnderReview: str(map.get(F.stateUnderReview)),
    createdAt: str(map.get(F.createdAt)),
  };
}

export type EditableReportField = 'title' | 'stateUnderReview';

export function setReportField(doc: Y.Doc, field: EditableReportField, value: string, origin?: unknown): void {
  doc.transact(() => reportMap(doc).set(F[field], value), origin);
}

/**
 * Raise the report's editor schema version to `version` (never lower it). A client calls this before it
 * writes, so older clients, whose schema would silently drop nodes they do not know, open the report
 * read-only instead.
 */
export function raiseEditorSchemaVersion(doc: Y.Doc, version: number, origin?: unknown): void {
  const current = getReportMeta(doc).editorSchemaVersion;
  if (version > current) doc.transact(() => reportMap(doc).set(F.editorSchemaVersion, version), origin);
}

/** Whether a client built with `clientVersion` may edit this report without losing content it cannot parse. */
export function canEditWithSchema(doc: Y.Doc, clientVersion: number): boolean {
  return getReportMeta(doc).editorSchemaVersion <= clientVersion;
}

function readSection(id: string, map: SectionMap): SectionInfo {
  const tags = map.get(S.tags);
  const status = map.get(S.status);
  return {
    id,
    title: str(map.get(S.title)),
    order: str(map.get(S.order)),
    status: isSectionStatus(status) ? status : 'drafting',
    tags: tags instanceof Y.Map ? [...tags.keys()].sort() : [],
    createdAt: str(map.get(S.createdAt)),
  };
}

/** Sections in display order. Entries that are not section maps (written by a broken tool) are skipped. */
export function listSections(doc: Y.Doc): SectionInfo[] {
  const out: SectionInfo[] = [];
  sectionsMap(doc).forEach((value, id) => {
    if (value instanceof Y.Map) out.push(readSection(id, value));
  });
  return out.sort(compareOrder);
}

export function getSection(doc: Y.Doc, id: string): SectionInfo | null {
  const map = sectionsMap(doc).get(id);
  return map instanceof Y.Map ? readSection(id, map) : null;
}

export function hasSection(doc: Y.Doc, id: string): boolean {
  return sectionsMap(doc).get(id) instanceof Y.Map;
}

/** The section's rich text, the fragment TipTap's Collaboration extension binds to. */
export function getSectionBody(doc: Y.Doc, id: string): Y.XmlFragment | null {
  const map = sectionsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return null;
  const body = map.get(S.body);
  return body instanceof Y.XmlFragment ? body : null;
}

/** The section's tag map (tag id -> true). */
export function getSectionTags(doc: Y.Doc, id: string): Y.Map<true> | null {
  const map = sectionsMap(doc).get(id);
  if (!(map instanceof Y.Map)) return null;
  const tags = map.get(S.tags);
  return tags instanceof Y.Map ? (tags as Y.Map<true>) : null;
}

export interface NewSection {
  id?: string;
  title: string;
  /** Place the new section right after this one; omitted or null puts it at the end. */
  after?: string | null;
  status?: SectionStatus;
}

/** Neighbouring keys for a slot: the section at `index` will come right after sorted[index - 1]. */
function keysAround(sorted: SectionInfo[], index: number): [string | null, string | null] {
  const before = index > 0 ? sorted[index - 1] : undefined;
  const after = sorted[index];
  return [before ? before.order : null, after ? after.order : null];
}

export function addSection(doc: Y.Doc, section: NewSection, origin?: unknown): string {
  const id = section.id ?? newUuid();
  const sorted = listSections(doc);
  let index = sorted.length;
  if (section.after) {
    const at = sorted.findIndex((s) => s.id === section.after);
    if (at >= 0) index = at + 1;
  }
  const [lower, upper] = keysAround(sorted, index);
  doc.transact(() => {
    const map: SectionMap = new Y.Map();
    map.set(S.title, section.title);
    map.set(S.order, orderBetween(lower, upper));
    map.set(S.status, section.status ?? 'drafting');
    map.set(S.tags, new Y.Map());
    map.set(S.body, new Y.XmlFragment());
    map.set(S.createdAt, new Date().toISOString());
    sectionsMap(doc).set(id, map);
  }, origin);
  return id;
}

function sectionMapOrNull(doc: Y.Doc, id: string): SectionMap | null {
  const map = sectionsMap(doc).get(id);
  return map instanceof Y.Map ? map : null;
}

export function renameSection(doc: Y.Doc, id: string, title: string, origin?: unknown): void {
  const map = sectionMapOrNull(doc, id);
  if (map) doc.transact(() => map.set(S.title, title), origin);
}

export function setSectionStatus(doc: Y.Doc, id: string, status: SectionStatus, origin?: unknown): void {
  const map = sectionMapOrNull(doc, id);
  if (map) doc.transact(() => map.set(S.status, status), origin);
}

/**
 * Move a section so that it lands at `toIndex` in the display order (0 = first), counted in the list as it
 * is without the moved section. Only its `order` changes.
 */
export function moveSection(doc: Y.Doc, id: string, toIndex: number, origin?: unknown): void {
  const map = sectionMapOrNull(doc, id);
  if (!map) return;
  const others = listSections(doc).filter((s) => s.id !== id);
  const index = Math.max(0, Math.min(others.length, Math.floor(toIndex)));
  const [lower, upper] = keysAround(others, index);
  doc.transact(() => map.set(S.order, orderBetween(lower, upper)), origin);
}

/** Move a section one place up (-1) or down (+1) in the display order. */
export function moveSectionBy(doc: Y.Doc, id: string, delta: -1 | 1, origin?: unknown): void {
  const sorted = listSections(doc);
  const at = sorted.findIndex((s) => s.id === id);
  if (at < 0) return;
  moveSection(doc, id, at + delta, origin);
}

export function deleteSection(doc: Y.Doc, id: string, origin?: unknown): void {
  if (!sectionsMap(doc).has(id)) return;
  doc.transact(() => sectionsMap(doc).delete(id), origin);
}

export function setSectionTag(doc: Y.Doc, id: string, tagId: string, on: boolean, origin?: unknown): void {
  const tags = getSectionTags(doc, id);
  if (!tags) return;
  doc.transact(() => (on ? tags.set(tagId, true) : tags.delete(tagId)), origin);
}

/** The Yjs types that outline changes (add, rename, reorder, status, delete) touch: for an outline UndoManager. */
export function outlineScope(doc: Y.Doc): Y.Map<SectionMap> {
  return sectionsMap(doc);
}

/** Call `listener` whenever the report's metadata or any section changes; returns the unsubscribe function. */
export function observeReport(doc: Y.Doc, listener: () => void): () => void {
  const report = reportMap(doc);
  const sections = sectionsMap(doc);
  const onChange = () => listener();
  report.observe(onChange);
  sections.observeDeep(onChange);
  return () => {
    report.unobserve(onChange);
    sections.unobserveDeep(onChange);
  };
}

/** Call `listener` when metadata or the outline (not the text inside a body) changes. */
export function observeOutline(doc: Y.Doc, listener: () => void): () => void {
  const report = reportMap(doc);
  const sections = sectionsMap(doc);
  const onReport = () => listener();
  const onSections = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Typing inside a body fires deep events under the section; only map-level changes alter the outline.
    if (events.some((e) => e.target === sections || e.target instanceof Y.Map)) listener();
  };
  report.observe(onReport);
  sections.observeDeep(onSections);
  return () => {
    report.unobserve(onReport);
    sections.unobserveDeep(onSections);
  };
}

export const CONFIDENTIALITIES = ['public', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

/** What a cover page shows beyond title, mechanism and State; every field may be missing in a report. */
export interface CoverFields {
  /** e.g. "4th cycle, 47th session" or "CEDAW 89th session". */
  session: string;
  /** e.g. "Joint stakeholder submission", "Alternative report", "List of issues". */
  submissionType: string;
  organisations: string[];
  contact: string;
  /** CEDAW and CRPD ask whether a submission may be published. Empty when nobody said. */
  confidentiality: Confidentiality | '';
  /** Language of the text, BCP 47 ("en", "fr", "ar"); empty when unknown. */
  language: string;
  /** The mechanism's word limit for this submission, when known. */
  wordLimit: number | null;
}

export function getCoverFields(doc: Y.Doc): CoverFields {
  const map = reportMap(doc);
  const orgs = map.get(F.organisations);
  const confidentiality = map.get(F.confidentiality);
  const limit = map.get(F.wordLimit);
  return {
    session: str(map.get(F.session)),
    submissionType: str(map.get(F.submissionType)),
    organisations: orgs instanceof Y.Array ? orgs.toArray().filter((o): o is string => typeof o === 'string') : [],
    contact: str(map.get(F.contact)),
    confidentiality: (CONFIDENTIALITIES as readonly unknown[]).includes(confidentiality) ? (confidentiality as Confidentiality) : '',
    language: str(map.get(F.language)),
    wordLimit: typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? limit : null,
  };
}

/** Set some cover fields; `organisations` replaces the whole list, a null `wordLimit` removes it. */
export function setCoverFields(doc: Y.Doc, fields: Partial<CoverFields>, origin?: unknown): void {
  const map = reportMap(doc);
  doc.transact(() => {
    for (const key of ['session', 'submissionType', 'contact', 'language', 'confidentiality'] as const) {
      const value = fields[key];
      if (value !== undefined) map.set(F[key], value);
    }
    if (fields.wordLimit !== undefined) {
      if (fields.wordLimit === null) map.delete(F.wordLimit);
      else map.set(F.wordLimit, fields.wordLimit);
    }
    if (fields.organisations) {
      const current = map.get(F.organisations);
      const list = current instanceof Y.Array ? (current as Y.Array<string>) : new Y.Array<string>();
      if (list !== current) map.set(F.organisations, list);
      list.delete(0, list.length);
      list.insert(0, fields.organisations);
    }
  }, origin);
}

/** An earlier recommendation to the State and the coalition's assessment of its implementation. */
export interface PriorRecommendation {
  id: string;
  text: string;
  /** Who made it: a recommending State (UPR) or a document symbol such as CEDAW/C/XX/CO/8, para. 12. */
  source: string;
  /** e.g. "implemented", "partially implemented", "not implemented"; free text, shown as written. */
  assessment: string;
  comment: string;
}

function priorList(doc: Y.Doc): Y.Array<Y.Map<unknown>> | null {
  const list = reportMap(doc).get(F.priorRecommendations);
  return list instanceof Y.Array ? (list as Y.Array<Y.Map<unknown>>) : null;
}

/** The matrix of earlier recommendations, in the order they were entered; empty when the report has none. */
export function listPriorRecommendations(doc: Y.Doc): PriorRecommendation[] {
  const list = priorList(doc);
  if (!list) return [];
  return list
    .toArray()
    .filter((m): m is Y.Map<unknown> => m instanceof Y.Map)
    .map((m) => ({
      id: str(m.get('id')),
      text: str(m.get('text')),
      source: str(m.get('source')),
      assessment: str(m.get('assessment')),
      comment: str(m.get('comment')),
    }));
}

export function addPriorRecommendation(doc: Y.Doc, rec: Omit<PriorRecommendation, 'id'> & { id?: string }, origin?: unknown): string {
  const id = rec.id ?? newUuid();
  doc.transact(() => {
    let list = priorList(doc);
    if (!list) {
      list = new Y.Array<Y.Map<unknown>>();
      reportMap(doc).set(F.priorRecommendations, list);
    }
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ ...rec, id })) map.set(key, value);
    list.push([map]);
  }, origin);
  return id;
}
