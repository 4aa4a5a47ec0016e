/**
 * The storage port. Adapters move bytes and run SQL; Yjs encoding, merging, authorisation and every decision
 * about when to store stay above this line. One contract suite (test/contract/) runs against each adapter.
 */
import type { FailureLog } from '../auth/LoginThrottle.ts';
import type { Mechanism } from '../../../shared/api/mechanisms.ts';
import type { SignOnConfirmation } from '../../../shared/report/signOn.ts';
import type { Role } from '../../../shared/api/roles.ts';

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
  /** Turned off by an administrator: cannot sign in, and no session or token of theirs works. */
  disabled: boolean;
}

/** What an administrator sees of an account. */
export interface AdminUserRecord extends UserRecord {
  /** Last sign-in or use of a session or token (written at most every few minutes), null if never. */
  lastSeenAt: string | null;
}

export interface SessionRecord {
  /** Public random id (shown in the list of sessions); the cookie's hash stays the key. */
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string;
  /** A short description of the browser and system it was opened from ("Firefox on Windows"). */
  device: string;
}

export interface AccessTokenRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** After this the token is refused. */
  expiresAt: string;
}

/** When an account is deleted, the reports it owned with another owner pass to that person. */
export interface OwnershipTransfer {
  reportId: string;
  newOwnerId: string;
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
  /** Made by the server when an editing session ended, rather than named by a person. */
  auto: boolean;
  authorId: string | null;
  authorName: string;
  createdAt: string;
}

export interface VersionStore {
  create(version: VersionRecord, content: Uint8Array, discussion: Uint8Array): Promise<void>;
  /** Newest first, without the document states. */
  list(reportId: string): Promise<VersionRecord[]>;
  get(reportId: string, versionId: string): Promise<(VersionRecord & { content: Uint8Array; discussion: Uint8Array }) | null>;
  latest(reportId: string): Promise<(VersionRecord & { content: Uint8Array }) | null>;
}

export interface AccountStore {
  /** Insert a user; the first user of the instance is made administrator in the same transaction, and adopts
   * every report that has no owner (made before accounts existed). Returns null when the e-mail is taken. */
  createUser(user: Omit<UserRecord, 'isAdmin' | 'disabled'>, passwordHash: string): Promise<UserRecord | null>;
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
  /** Record a token's use (and the account's last activity). */
  touchAccessToken(id: string, at: string): Promise<void>;

  // Accounts people manage (issue 9).
  getPasswordHash(userId: string): Promise<string | null>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** A user's sessions that have not expired at `now`, oldest first. */
  listSessions(userId: string, now: string): Promise<SessionRecord[]>;
  /** Record a session's use (and the account's last activity). */
  touchSession(tokenHash: string, at: string): Promise<void>;
  /** Delete one of the user's sessions by its public id; the deleted session's token hash, or null if not theirs. */
  deleteSessionById(userId: string, id: string): Promise<string | null>;
  /** Delete every session of the user except `keepTokenHash` (null: all); the token hashes deleted. */
  deleteSessionsOf(userId: string, keepTokenHash: string | null): Promise<string[]>;
  /** Every account (not deleted ones), oldest first. */
  listUsers(): Promise<AdminUserRecord[]>;
  /** False when there is no such account. */
  setUserDisabled(userId: string, disabled: boolean): Promise<boolean>;
  /** Invitations the user created, newest first. */
  invitationsCreatedBy(userId: string): Promise<InvitationRecord[]>;
  /** Versions of any report the user named or ended a session of, newest first, without their states. */
  versionsAuthoredBy(userId: string): Promise<VersionRecord[]>;
  /**
   * Delete an account in one transaction: pass the listed reports to their new owners, drop the user's report and
   * coalition memberships, sessions, tokens and sign-in failures, and blank the user row (kept only so the
   * coalitions and invitations it created keep their reference; it has no e-mail, name or password left).
   */
  deleteUser(userId: string, transfers: OwnershipTransfer[]): Promise<void>;
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

/** Confirmed endorsements of reports by organisations (sign-on); an organisation without a row is pending. */
export interface SignOnStore {
  list(reportId: string): Promise<SignOnConfirmation[]>;
  /** Record (or replace) a confirmation. */
  confirm(reportId: string, confirmation: SignOnConfirmation): Promise<void>;
  /** Back to pending. */
  withdraw(reportId: string, organisation: string): Promise<void>;
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
  readonly signOns: SignOnStore;
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
}
