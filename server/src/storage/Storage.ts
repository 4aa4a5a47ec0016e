/**
 * The storage port. Adapters move bytes and run SQL; Yjs encoding, merging, authorisation and every decision
 * about when to store stay above this line. One contract suite (test/contract/) runs against each adapter.
 */
import type { FailureLog } from '../auth/LoginThrottle.ts';
import type { Mechanism } from '../../../shared/api/mechanisms.ts';
import type { Role } from '../../../shared/api/roles.ts';
import type { VersionKind } from '../../../shared/api/versionKinds.ts';

export interface ReportRecord {
  id: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  createdAt: string;
  updatedAt: string;
  /** The person the report belongs to (its creator); null only for reports made before accounts existed. */
  ownerUserId: string | null;
  /** The coalition whose members get their default role on it, if any. */
  coalitionId: string | null;
}

export interface StoredDocument {
  /** Every stored update of the document, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the newest row, 0 when the document has none. */
  lastSeq: number;
}

export interface DocumentStats {
  rows: number;
  bytes: number;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AccessTokenRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CoalitionRecord {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  organisations: string[];
}

export interface CoalitionMemberRecord {
  coalitionId: string;
  userId: string;
  name: string;
  email: string;
  /** Managers edit the coalition, invite and remove members. */
  manager: boolean;
  /** The role this member has on the coalition's reports unless a report says otherwise. */
  reportRole: Role;
  joinedAt: string;
}

export interface InvitationRecord {
  id: string;
  coalitionId: string;
  reportRole: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

export interface ReportMemberRecord {
  reportId: string;
  userId: string;
  role: Role;
  addedAt: string;
}

export interface VersionRecord {
  id: string;
  reportId: string;
  name: string;
  /** Made by the server (see `kind`), rather than named by a person. */
  auto: boolean;
  /** Why the version exists. */
  kind: VersionKind;
  authorId: string | null;
  authorName: string;
  createdAt: string;
  /** Bytes it holds in storage (both documents' states); counts toward the report's stored size. */
  bytes: number;
}

export interface VersionStore {
  /** `bytes` of the record is ignored: storage measures what it holds. */
  create(version: VersionRecord, content: Uint8Array, discussion: Uint8Array): Promise<void>;
  /**
   * Insert unless the report has a version made after `since` (atomically, also across nodes sharing the
   * database): for versions every node might take at the same moment. Returns whether it was inserted.
   */
  createUnlessNewerThan(version: VersionRecord, content: Uint8Array, discussion: Uint8Array, since: string): Promise<boolean>;
  /** Delete versions of the report; returns how many were deleted. */
  delete(reportId: string, versionIds: string[]): Promise<number>;
  /** Newest first, without the document states. */
  list(reportId: string): Promise<VersionRecord[]>;
  get(reportId: string, versionId: string): Promise<(VersionRecord & { content: Uint8Array; discussion: Uint8Array }) | null>;
  latest(reportId: string): Promise<(VersionRecord & { content: Uint8Array }) | null>;
}

export interface AccountStore {
  /** Insert a user; the first user of the instance is made administrator in the same transaction, and adopts
   * every report that has no owner (made before accounts existed). Returns null when the e-mail is taken. */
  createUser(user: Omit<UserRecord, 'isAdmin'>, passwordHash: string): Promise<UserRecord | null>;
  getUser(id: string): Promise<UserRecord | null>;
  /** Failed sign-ins, shared by every node (see LoginThrottle). */
  readonly loginFailures: FailureLog;
  /** Whether any account exists (none: the next sign-up makes the instance's administrator). */
  hasUsers(): Promise<boolean>;
  findUserByEmail(email: string): Promise<(UserRecord & { passwordHash: string }) | null>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  extendSession(tokenHash: string, expiresAt: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;
  createAccessToken(token: AccessTokenRecord, tokenHash: string): Promise<void>;
  findAccessToken(tokenHash: string): Promise<AccessTokenRecord | null>;
  listAccessTokens(userId: string): Promise<AccessTokenRecord[]>;
  deleteAccessToken(userId: string, id: string): Promise<boolean>;
  touchAccessToken(id: string, at: string): Promise<void>;
}

export interface CoalitionStore {
  create(coalition: CoalitionRecord, creator: { userId: string; joinedAt: string }): Promise<void>;
  get(id: string): Promise<CoalitionRecord | null>;
  listForUser(userId: string): Promise<CoalitionRecord[]>;
  update(id: string, fields: { name?: string; organisations?: string[] }): Promise<void>;
  members(coalitionId: string): Promise<CoalitionMemberRecord[]>;
  member(coalitionId: string, userId: string): Promise<CoalitionMemberRecord | null>;
  addMember(m: Omit<CoalitionMemberRecord, 'name' | 'email'>): Promise<void>;
  updateMember(coalitionId: string, userId: string, fields: { manager?: boolean; reportRole?: Role }): Promise<void>;
  removeMember(coalitionId: string, userId: string): Promise<boolean>;
  createInvitation(inv: InvitationRecord, tokenHash: string): Promise<void>;
  findInvitation(tokenHash: string): Promise<InvitationRecord | null>;
  /** Mark the invitation used and add the member, atomically; false when it was used meanwhile. */
  acceptInvitation(invitationId: string, member: Omit<CoalitionMemberRecord, 'name' | 'email'>): Promise<boolean>;
}

export interface ReportAccessStore {
  /** Direct grants on a report (they override the coalition's default role). */
  members(reportId: string): Promise<ReportMemberRecord[]>;
  setMember(member: ReportMemberRecord): Promise<void>;
  removeMember(reportId: string, userId: string): Promise<boolean>;
  /** Ids of every report the user holds any role on: owned, granted, or through a coalition. */
  reportIdsForUser(userId: string): Promise<string[]>;
}

export interface Storage {
  /** Human-readable name for logs ("sqlite:/path", "postgres:host:port/db"). Never includes credentials. */
  readonly description: string;
  readonly accounts: AccountStore;
  readonly coalitions: CoalitionStore;
  readonly access: ReportAccessStore;
  readonly versions: VersionStore;
  /** Bring the schema up to date. Safe to run on every start and from several nodes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Insert the report's catalogue row and its document's first update in one transaction. When the id exists
   * already nothing is written and the stored record comes back with `created: false`.
   */
  createReport(record: ReportRecord, docName: string, initialUpdate: Uint8Array): Promise<{ created: boolean; record: ReportRecord }>;
  getReport(id: string): Promise<ReportRecord | null>;
  getReports(ids: string[]): Promise<ReportRecord[]>;
  listReports(): Promise<ReportRecord[]>;
  /** Keep the catalogue in step with the document's metadata (title, State) for listing without loading. */
  updateReportMeta(id: string, fields: Pick<ReportRecord, 'title' | 'stateUnderReview' | 'updatedAt'>): Promise<void>;
  /** Delete the report, its members and every stored update of the given documents. */
  deleteReport(id: string, docNames: string[]): Promise<void>;

  loadDocument(docName: string): Promise<StoredDocument>;
  /** Append updates atomically (all or none) and return the sequence number of the last one. */
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<number>;
  /** Replace every row up to and including `upToSeq` by one merged update, atomically. */
  compact(docName: string, upToSeq: number, merged: Uint8Array): Promise<void>;
  documentStats(docName: string): Promise<DocumentStats>;
  /** What a report holds in storage: its documents' update rows and its versions, in bytes. */
  reportStoredBytes(reportId: string, docNames: string[]): Promise<{ documents: number; versions: number }>;
  /** After deleting something that must not be recoverable from the database files (see SqlDriver.eraseDeleted). */
  eraseDeleted(): Promise<void>;
}
