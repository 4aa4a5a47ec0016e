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
 * │                      submission fields, each absent until set; coverFields.ts reads and writes them:
 * │                      session, contact: string
 * │                      submissionType: 'individual' | 'joint'   one organisation, or several signing together
 * │                      confidentiality: 'public' | 'confidential'
 * │                      organisations: Y.Array<string>          every submitting organisation, in order
 * │                      wordLimit: number                       this report's limit where the committee's
 * │                                                              information note differs from the limits table
 * │                      paragraphNumbering: boolean             export numbers the paragraphs
 * │                      language: string                        BCP 47 tag of the text, when someone said
 * │                      deadline: 'YYYY-MM-DD'                  the submission deadline (the checklist warns before it)
 * │                      deadlineTime: 'HH:MM', deadlineZone: IANA zone or '+HH:MM'   (absent: 12:00 Geneva time)
 * │                      period: string                          the period the submission covers
 * ├─ Y.Map "editorSchema" <version> -> true        every editor schema version a writer needed; the highest
 * │                                                 wins (a map, so two clients raising it at once both count)
 * ├─ Y.Map "sections"    <sectionId> -> Y.Map
 * │                         title: string
 * │                         order: string              fractional-index key; display order is (order, id)
 * │                         status: 'drafting' | 'in-review' | 'final'
 * │                         tags: Y.Map<tagId, true>   see shared/taxonomy/tagIds.ts for the id grammar
 * │                         body: Y.XmlFragment        TipTap/ProseMirror nodes (paragraph, heading, recommendation ...)
 * │                         createdAt: ISO string
 * │                         wordBudget: number         optional: the coalition's own budget for this section
 * │                         annex: boolean             optional: an annex, left out of the word count
 * ├─ Y.Map "earlierRecommendations"   <tag id REC:symbol:paragraph> -> Y.Map   the previous cycle's recommendations
 *                                     or the committee's previous concluding observations; entries and their
 *                                     fields are read and written by earlierRecommendations.ts
 * ├─ Y.Map "testimony"       <testimonyId> -> Y.Map   pseudonym, consent, dates, withdrawal (testimony.ts); never
 * │                                                  the real name or contact, which stay on the server
 * ├─ Y.Map "sensitiveNames"  <id> -> Y.Map             name and what it becomes on export (testimony.ts)
 * └─ Y.Map "internalSections" <sectionId> -> true       sections that never export (testimony.ts)
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
const EDITOR_SCHEMA_MAP = 'editorSchema';
const EARLIER_RECOMMENDATIONS_MAP = 'earlierRecommendations';

const F = {
  schemaVersion: 'schemaVersion',
  editorSchemaVersion: 'editorSchemaVersion',
  title: 'title',
  mechanism: 'mechanism',
  stateUnderReview: 'stateUnderReview',
  createdAt: 'createdAt',
} as const;

const S = {
  title: 'title',
  order: 'order',
  status: 'status',
  tags: 'tags',
  body: 'body',
  createdAt: 'createdAt',
  wordBudget: 'wordBudget',
  annex: 'annex',
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
  /** The coalition's word budget for this section, or null. */
  wordBudget: number | null;
  /** An annex: not counted toward the word limit. */
  annex: boolean;
}

type SectionMap = Y.Map<unknown>;

function reportMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REPORT_MAP);
}

function editorSchemaMap(doc: Y.Doc): Y.Map<true> {
  return doc.getMap(EDITOR_SCHEMA_MAP) as Y.Map<true>;
}

/** The highest editor schema version any writer recorded (the scalar in "report" is kept for older readers). */
function editorSchemaVersionOf(doc: Y.Doc): number {
  let max = num(reportMap(doc).get(F.editorSchemaVersion), 1);
  for (const key of editorSchemaMap(doc).keys()) {
    const v = Number(key);
    if (Number.isInteger(v) && v > max) max = v;
  }
  return max;
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

/** A positive whole number (a word limit or budget), or null. */
export function positiveCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
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
    editorSchemaVersion: editorSchemaVersionOf(doc),
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
  if (version <= editorSchemaVersionOf(doc)) return;
  doc.transact(() => {
    // Concurrent raises to different versions all land in the map, so the highest always wins.
    editorSchemaMap(doc).set(String(version), true);
    reportMap(doc).set(F.editorSchemaVersion, version);
  }, origin);
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
    wordBudget: positiveCount(map.get(S.wordBudget)),
    annex: map.get(S.annex) === true,
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

/**
 * Where a Yjs type sits among the sections: the id of the section whose map it is (`whole: true`) or that holds
 * it (its body, tags, ...), or null for anything outside the sections. For measuring what a change deletes.
 */
export function locateInSections(doc: Y.Doc, type: Y.AbstractType<any>): { sectionId: string; whole: boolean } | null {
  const sections = sectionsMap(doc);
  let t: Y.AbstractType<any> | null = type;
  let whole = true;
  while (t && t._item) {
    const item: Y.Item = t._item;
    if (item.parent === sections && item.parentSub !== null) return { sectionId: item.parentSub, whole };
    whole = false;
    t = item.parent instanceof Y.AbstractType ? item.parent : null;
  }
  return null;
}

/** The body of a section given its map (as found by `locateInSections`), or null. */
export function bodyOfSectionType(type: unknown): Y.XmlFragment | null {
  if (!(type instanceof Y.Map)) return null;
  const body = type.get(S.body);
  return body instanceof Y.XmlFragment ? body : null;
}

/** Every section's body, annexes included, in no particular order. */
export function allSectionBodies(doc: Y.Doc): { id: string; body: Y.XmlFragment }[] {
  const out: { id: string; body: Y.XmlFragment }[] = [];
  sectionsMap(doc).forEach((value, id) => {
    const body = bodyOfSectionType(value);
    if (body) out.push({ id, body });
  });
  return out;
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
  /** Tag ids the section starts with (a template's article or theme). */
  tags?: string[];
  annex?: boolean;
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
    const tags = new Y.Map<true>();
    for (const tag of section.tags ?? []) tags.set(tag, true);
    map.set(S.tags, tags);
    map.set(S.body, new Y.XmlFragment());
    map.set(S.createdAt, new Date().toISOString());
    if (section.annex) map.set(S.annex, true);
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

/** Set (a positive whole number) or clear (null) the coalition's word budget for a section. */
export function setSectionWordBudget(doc: Y.Doc, id: string, words: number | null, origin?: unknown): void {
  const map = sectionMapOrNull(doc, id);
  if (!map) return;
  const value = positiveCount(words);
  doc.transact(() => (value === null ? map.delete(S.wordBudget) : map.set(S.wordBudget, value)), origin);
}

/** Mark a section as an annex (left out of the word count) or as part of the body. */
export function setSectionAnnex(doc: Y.Doc, id: string, annex: boolean, origin?: unknown): void {
  const map = sectionMapOrNull(doc, id);
  if (!map) return;
  doc.transact(() => (annex ? map.set(S.annex, true) : map.delete(S.annex)), origin);
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

/** Call `listener` when the report's metadata (title, State, schema version ...) changes. */
export function observeMeta(doc: Y.Doc, listener: () => void): () => void {
  const report = reportMap(doc);
  const schema = editorSchemaMap(doc);
  const onChange = () => listener();
  report.observe(onChange);
  schema.observe(onChange);
  return () => {
    report.unobserve(onChange);
    schema.unobserve(onChange);
  };
}

/** Call `listener` when metadata or the outline (not the text inside a body) changes. */
export function observeOutline(doc: Y.Doc, listener: () => void): () => void {
  const report = reportMap(doc);
  const sections = sectionsMap(doc);
  const onReport = () => listener();
  const onSections = (events: Y.YEvent<Y.AbstractType<any>>[]) => {
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

/** The report map, for coverFields.ts, which owns the submission fields in it; nothing else may use it. */
export function coverFieldsMap(doc: Y.Doc): Y.Map<unknown> {
  return reportMap(doc);
}

/** The earlier-recommendations map; only earlierRecommendations.ts reads or writes its entries. */
export function earlierRecommendationsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(EARLIER_RECOMMENDATIONS_MAP) as Y.Map<Y.Map<unknown>>;
}

const TESTIMONY_MAP = 'testimony';
const SENSITIVE_NAMES_MAP = 'sensitiveNames';
const INTERNAL_SECTIONS_MAP = 'internalSections';

/** Testimony records, sensitive names and internal-only sections; only testimony.ts reads or writes their entries. */
export function testimonyMaps(doc: Y.Doc): { records: Y.Map<Y.Map<unknown>>; names: Y.Map<Y.Map<unknown>>; internalSections: Y.Map<true> } {
  return {
    records: doc.getMap(TESTIMONY_MAP) as Y.Map<Y.Map<unknown>>,
    names: doc.getMap(SENSITIVE_NAMES_MAP) as Y.Map<Y.Map<unknown>>,
    internalSections: doc.getMap(INTERNAL_SECTIONS_MAP) as Y.Map<true>,
  };
}

/** Every top-level type of the layout, for operations over the whole document (restore). */
const TOP_LEVEL_MAPS = [REPORT_MAP, SECTIONS_MAP, EARLIER_RECOMMENDATIONS_MAP] as const;
// EDITOR_SCHEMA_MAP is deliberately not restored: the schema version never goes down. Nor are the testimony maps:
// restoring an old version must never bring back consent that was withdrawn since (docs/security/testimony.md).

type YValue = unknown;

function sameJson(a: { toJSON(): unknown }, b: { toJSON(): unknown }): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}

/** Make `target` hold what `source` holds, touching only what differs, recursively through nested maps. */
/** Above this many block pairs a restore replaces the changed run of a section whole instead of matching blocks. */
const MAX_BLOCK_PAIRS = 250_000;

/**
 * Make `target`'s blocks those of `source`, keeping every block the two have in common (the same blocks at both
 * ends, and between them a longest common subsequence by content) and replacing only the others: paragraphs a
 * restore does not change keep their items, so comments anchored in them stay anchored.
 */
function syncBlocks(target: Y.XmlFragment, source: Y.XmlFragment): void {
  const now = target.toArray().map((b) => b.toString());
  const then = source.toArray();
  const wanted = then.map((b) => b.toString());
  let head = 0;
  while (head < now.length && head < wanted.length && now[head] === wanted[head]) head++;
  let tail = 0;
  while (tail < now.length - head && tail < wanted.length - head && now[now.length - 1 - tail] === wanted[wanted.length - 1 - tail]) tail++;
  const a = now.slice(head, now.length - tail);
  const b = wanted.slice(head, wanted.length - tail);
  const insert = (at: number, j: number) => target.insert(at, [then[head + j]!.clone() as Y.XmlElement | Y.XmlText]);
  if (a.length * b.length > MAX_BLOCK_PAIRS) {
    if (a.length > 0) target.delete(head, a.length);
    b.forEach((_, j) => insert(head + j, j));
    return;
  }
  // common[i][j]: how many blocks a[i..] and b[j..] have in common, in order.
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let at = head;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      at++;
    } else if (j >= b.length || (i < a.length && common[i + 1]![j]! >= common[i]![j + 1]!)) {
      target.delete(at, 1);
      i++;
    } else {
      insert(at, j);
      j++;
      at++;
    }
  }
}

function syncMap(target: Y.Map<YValue>, source: Y.Map<YValue>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key);
  source.forEach((value, key) => {
    const current = target.get(key);
    if (value instanceof Y.Map) {
      if (current instanceof Y.Map) syncMap(current as Y.Map<YValue>, value as Y.Map<YValue>);
      else target.set(key, value.clone());
    } else if (value instanceof Y.XmlFragment) {
      if (current instanceof Y.XmlFragment) {
        // Keep the fragment itself (editors are bound to it); replace only the blocks that differ.
        if (!sameJson(current, value)) syncBlocks(current, value);
      } else target.set(key, value.clone());
    } else if (value instanceof Y.AbstractType) {
      if (!(current instanceof Y.AbstractType) || !sameJson(current, value)) target.set(key, value.clone());
    } else if (JSON.stringify(current) !== JSON.stringify(value) || (value instanceof Uint8Array && current !== value)) {
      target.set(key, value);
    }
  });
}

/**
 * Make `target` say what `source` (an older version) says, as new changes on top of target's history: nothing
 * is rewritten, collaborators receive it like any other edit, and sections keep their ids. The editor schema
 * version never goes down, so clients that could not edit today's text still cannot.
 */
export function restoreReport(target: Y.Doc, source: Y.Doc, origin?: unknown): void {
  const keepSchema = num(reportMap(target).get(F.editorSchemaVersion), 1);
  target.transact(() => {
    for (const name of TOP_LEVEL_MAPS) syncMap(target.getMap(name), source.getMap(name));
    if (num(reportMap(target).get(F.editorSchemaVersion), 1) < keepSchema) reportMap(target).set(F.editorSchemaVersion, keepSchema);
  }, origin);
}

/**
 * Write into `target` (a new, empty document) what `source` says today — title, State, cover fields, sections
 * with their text, tags and statuses, earlier recommendations — as fresh changes without `source`'s history
 * (text deleted there is not carried over). For duplicating a report for the next cycle: `title` and
 * `createdAt` replace the source's.
 */
export function copyReport(target: Y.Doc, source: Y.Doc, fields: { title: string; createdAt: string }, origin?: unknown): void {
  target.transact(() => {
    for (const name of TOP_LEVEL_MAPS) syncMap(target.getMap(name), source.getMap(name));
    const map = reportMap(target);
    map.set(F.editorSchemaVersion, editorSchemaVersionOf(source));
    for (const key of editorSchemaMap(source).keys()) editorSchemaMap(target).set(key, true);
    map.set(F.title, fields.title);
    map.set(F.createdAt, fields.createdAt);
  }, origin);
}

/**
 * Calls `listener` with the ids of the sections a transaction changed (title, status, tags, text, notes; added or
 * deleted), so values derived per section (word counts) are recomputed for those sections only.
 */
export function observeSectionChanges(doc: Y.Doc, listener: (sectionIds: Set<string>) => void): () => void {
  const sections = sectionsMap(doc);
  const onSections = (events: Y.YEvent<Y.AbstractType<any>>[]) => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === sections) for (const key of event.changes.keys.keys()) ids.add(key);
      else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
    }
    if (ids.size > 0) listener(ids);
  };
  sections.observeDeep(onSections);
  return () => sections.unobserveDeep(onSections);
}
