/**
 * The storage port. Adapters move bytes and run SQL; Yjs encoding, merging, authorisation and every decision
 * about when to store stay above this line. One contract suite (test/contract/) runs against each adapter.
 */
import type { AttemptLog } from '../auth/LoginThrottle.ts';
import type { Mechanism } from '../../../shared/api/mechanisms.ts';
import type { ReportProgress } from '../../../shared/report/progress.ts';
import type { SignOnConfirmation } from '../../../shared/report/signOn.ts';
import type { Role } from '../../../shared/api/roles.ts';
import type { E2eeStore } from './E2eeStore.ts';
import type { VersionKind } from '../../../shared/api/versionKinds.ts';
import type { Deadline } from '../../../shared/deadlines/deadline.ts';
import type { FollowUpItem, FollowUpLogEntry } from '../../../shared/followup/types.ts';
import type { AdoptionRecord, LibraryEntry } from '../../../shared/library/entry.ts';
import type { EntryFields } from '../../../shared/library/validate.ts';

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
  /** How far it has come, from its sections' statuses, as last stored by catalogSync; null until it is first loaded. */
  progress?: ReportProgress | null;
  /** The target session and submission deadline, copied from the document's cover (see catalogSync); '' / null when unset. */
  session?: string;
  deadline?: Deadline | null;
  /** End-to-end encrypted (issue 11): the server holds only ciphertext of it, and its title is a placeholder. */
  encrypted?: boolean;
}

/** A report in its owner's trash: every route but the trash's own answers 404 for it until it is restored. */
export interface DeletedReportRecord extends ReportRecord {
  deletedAt: string;
  deletedBy: string | null;
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

/** A link that lets one person create an account: `setup` makes the first account (printed in the log at start),
 * `admin` one made by an administrator. */
export interface SignupInvitationRecord {
  id: string;
  kind: 'setup' | 'admin';
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

export interface SignupInvitationStore {
  create(inv: SignupInvitationRecord, tokenHash: string): Promise<void>;
  find(tokenHash: string): Promise<SignupInvitationRecord | null>;
}

/** The invitation a new account uses, claimed (marked used) in the same transaction that creates the account. */
export type SignupClaim =
  | { kind: 'signup-invitation'; id: string }
  | { kind: 'coalition-invitation'; id: string; coalitionId: string; reportRole: Role }
  /** An invitation to one report, mailed to an address (mail/): the new account gets the role on it. */
  | { kind: 'report-invitation'; id: string; reportId: string; role: Role };

export type CreateUserResult =
  | { created: true; user: UserRecord }
  | { created: false; reason: 'email_taken' | 'invitation_used' | 'first_account_exists' | 'not_first_account' };

/** Browsers that signed in to an account before (by the hash of their device cookie). */
export interface KnownDeviceStore {
  remember(tokenHash: string, userId: string, at: string): Promise<void>;
  isKnown(tokenHash: string, userId: string): Promise<boolean>;
  /** Whether the server issued this device cookie (it is known for some account). */
  isIssued(tokenHash: string): Promise<boolean>;
  /** Forget devices not used since then; returns how many. */
  sweep(unusedSince: string): Promise<number>;
}

/** Instance-wide settings by name (e.g. "registration"), shared by every node. */
export interface SettingsStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string, at: string): Promise<void>;
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

export interface ReportInvitationRecord {
  id: string;
  reportId: string;
  /** The address the invitation was mailed to (the link itself is what grants it). */
  email: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
}

export interface SignupRequest {
  email: string;
  name: string;
  passwordHash: string;
  /** The invitation the sign-up was admitted on (claimed when the account is created), if any. */
  claim: SignupClaim | null;
}

/** What mail needs kept: one-use tokens (as hashes), invitations by address and how far each digest got. */
export interface MailStore {
  /** Store a reset token unless the account was sent `maxPerHour` already in the hour before `createdAt`; false then. */
  createPasswordReset(r: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }, maxPerHour?: number): Promise<boolean>;
  /**
   * Use a reset token once: set the new password hash, drop every reset token and session of the account, in
   * one transaction. Null when the token is unknown, used or expired; else the account and the sessions ended.
   */
  resetPassword(tokenHash: string, passwordHash: string, now: string): Promise<{ userId: string; endedSessions: string[] } | null>;
  /** The account an unused, unexpired reset token is for, without using it; null otherwise. */
  passwordResetUser(tokenHash: string, now: string): Promise<string | null>;
  createSignupRequest(r: SignupRequest & { tokenHash: string; createdAt: string; expiresAt: string }): Promise<void>;
  /** Take a sign-up confirmation once (deleted as it is read); null when unknown or expired. */
  takeSignupRequest(tokenHash: string, now: string): Promise<SignupRequest | null>;
  createReportInvitation(inv: ReportInvitationRecord, tokenHash: string): Promise<void>;
  findReportInvitation(tokenHash: string): Promise<ReportInvitationRecord | null>;
  /** Mark the invitation used and grant the role, atomically; false when it was used meanwhile. */
  acceptReportInvitation(invitationId: string, member: ReportMemberRecord): Promise<boolean>;
  /** Every account, for the digest job. */
  allUsers(): Promise<UserRecord[]>;
  /** Up to when the person's digest has been sent; `initial` is stored (and returned) the first time. */
  digestCursor(userId: string, initial: string): Promise<string>;
  /** Move the cursor from `from` to `to` if nobody (no other node) has meanwhile: true when this caller won. */
  claimDigest(userId: string, from: string, to: string): Promise<boolean>;
}

export interface AccountStore {
  /** Insert a user; the first user of the instance is made administrator in the same transaction, and adopts
   * every report that has no owner (made before accounts existed). Returns null when the e-mail is taken. */
  createUser(user: Omit<UserRecord, 'isAdmin' | 'disabled'>, passwordHash: string): Promise<UserRecord | null>;
  /**
   * createUser with the checks sign-up needs, all in one transaction (serialised with other sign-ups): the
   * account is made only if it is (`first: true`) or is not (`first: false`) the instance's first, and the
   * invitation, if any, is still unused and unexpired at `now`; it is then marked used (a coalition invitation
   * also makes the person a member). A first account removes every setup link.
   */
  createUserWith(
    user: Omit<UserRecord, 'isAdmin' | 'disabled'>,
    passwordHash: string,
    options: { first: boolean; claim: SignupClaim | null; now: string },
  ): Promise<CreateUserResult>;
  getUser(id: string): Promise<UserRecord | null>;
  /** Sign-in and sign-up attempts, shared by every node (see LoginThrottle). */
  readonly attempts: AttemptLog;
  readonly devices: KnownDeviceStore;
  readonly signupInvitations: SignupInvitationStore;
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
  /** The interface language the person chose (a BCP 47 tag), null if never chosen or no such account. */
  getUserLanguage(userId: string): Promise<string | null>;
  /** Keep the chosen interface language; false when there is no such account. */
  setUserLanguage(userId: string, language: string): Promise<boolean>;
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

/** A witness's real name and contact (issue 12): never in the report's document; owners and editors only. */
export interface TestimonyContact {
  testimonyId: string;
  realName: string;
  contact: string;
  updatedBy: string;
  updatedAt: string;
}

export interface TestimonyContactStore {
  list(reportId: string): Promise<TestimonyContact[]>;
  /** Record or replace the contact of one testimony record. */
  put(reportId: string, contact: TestimonyContact): Promise<void>;
  /** False when there was none. */
  remove(reportId: string, testimonyId: string): Promise<boolean>;
  count(reportId: string): Promise<number>;
}

export interface ReportAccessStore {
  /** Direct grants on a report (they override the coalition's default role). */
  members(reportId: string): Promise<ReportMemberRecord[]>;
  setMember(member: ReportMemberRecord): Promise<void>;
  removeMember(reportId: string, userId: string): Promise<boolean>;
  /** Ids of every report the user holds any role on: owned, granted, or through a coalition. */
  reportIdsForUser(userId: string): Promise<string[]>;
}

/** A file attached to a report; its bytes are stored once per content hash, however many reports hold them. */
export interface AttachmentRecord {
  id: string;
  reportId: string;
  sha256: string;
  size: number;
  mimeType: string;
  fileName: string;
  width: number | null;
  height: number | null;
  uploadedBy: string | null;
  createdAt: string;
}

export type AddAttachmentResult =
  | { added: true; record: AttachmentRecord }
  /** The report holds these bytes already: that attachment comes back, nothing is stored. */
  | { added: false; existing: AttachmentRecord }
  | { added: false; full: 'bytes' | 'count' };

export interface AttachmentStore {
  /**
   * Attach `data` (whose SHA-256 is `record.sha256`) to the report, in one transaction serialised per report: the
   * bytes are stored unless some report holds them already; refused (`full`) when the report's attachments would
   * pass `limits.maxBytes` in total or `limits.maxCount` in number.
   */
  add(record: AttachmentRecord, data: Uint8Array, limits: { maxBytes: number; maxCount: number }): Promise<AddAttachmentResult>;
  get(reportId: string, id: string): Promise<AttachmentRecord | null>;
  /** The record and its bytes. */
  read(reportId: string, id: string): Promise<{ record: AttachmentRecord; data: Uint8Array } | null>;
  /** Oldest first. */
  list(reportId: string): Promise<AttachmentRecord[]>;
  /** Remove one; the bytes go too when no attachment of any report refers to them. False when there was none. */
  delete(reportId: string, id: string): Promise<boolean>;
}

export interface Storage {
  /** Human-readable name for logs ("sqlite:/path", "postgres:host:port/db"). Never includes credentials. */
  readonly description: string;
  readonly accounts: AccountStore;
  readonly coalitions: CoalitionStore;
  readonly access: ReportAccessStore;
  readonly versions: VersionStore;
  readonly mail: MailStore;
  readonly settings: SettingsStore;
  readonly signOns: SignOnStore;
  readonly calendars: CalendarStore;
  readonly reminders: ReminderStore;
  readonly followUp: FollowUpStore;
  /** Images and files of reports (deleteReport removes a report's, and the bytes nobody else refers to). */
  readonly attachments: AttachmentStore;
  readonly testimonyContacts: TestimonyContactStore;
  readonly library: LibraryStore;
  readonly e2ee: E2eeStore;
  /** Bring the schema up to date. Safe to run on every start and from several nodes at once. */
  migrate(): Promise<void>;
  /** Throws when the database does not answer a cheap query (`/readyz`). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /**
   * Insert the report's catalogue row and its document's first update in one transaction. When the id exists
   * already nothing is written and the stored record comes back with `created: false`.
   */
  createReport(record: ReportRecord, docName: string, initialUpdate: Uint8Array): Promise<{ created: boolean; record: ReportRecord }>;
  /** The report, unless it is missing or in the trash (then null). */
  getReport(id: string): Promise<ReportRecord | null>;
  /** These reports, leaving out missing and trashed ones. */
  getReports(ids: string[]): Promise<ReportRecord[]>;
  /** Every report not in the trash. */
  listReports(): Promise<ReportRecord[]>;
  /** Keep the catalogue's progress in step with the document (see catalogSync). */
  setReportProgress(id: string, progress: ReportProgress): Promise<void>;
  /** Put the report in the trash (false when it is missing or there already). Nothing of it is deleted. */
  trashReport(id: string, by: string, at: string): Promise<boolean>;
  /** Take the report out of the trash (false when it is not there). */
  restoreReport(id: string): Promise<boolean>;
  /** A report in the trash, or null. */
  getDeletedReport(id: string): Promise<DeletedReportRecord | null>;
  /** Those of these reports that are in the trash, latest deleted first. */
  getDeletedReports(ids: string[]): Promise<DeletedReportRecord[]>;
  /** Ids of the reports put in the trash before `before` (ISO), to purge. */
  deletedReportIdsBefore(before: string): Promise<string[]>;
  /** Keep the catalogue in step with the document's metadata (title, State) for listing without loading. */
  updateReportMeta(id: string, fields: Pick<ReportRecord, 'title' | 'stateUnderReview' | 'updatedAt'>): Promise<void>;
  /** Keep the catalogue's session and deadline in step with the document's cover (see catalogSync). */
  setReportSchedule(id: string, schedule: { session: string; deadline: Deadline | null }): Promise<void>;
  /** Delete the report for good (trashed or not), its members, versions and every stored update of the given documents. */
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

/** Each person's private calendar feed: only the hash of its secret token is kept. */
export interface CalendarStore {
  /** When the person's feed was made, or null when they have none. */
  created(userId: string): Promise<string | null>;
  /** Make the person's feed unless they have one: false (nothing written) when they do. */
  createIfAbsent(userId: string, tokenHash: string, at: string): Promise<boolean>;
  /** Replace the person's feed token (the old one stops working at once). */
  replace(userId: string, tokenHash: string, at: string): Promise<void>;
  /** The account a feed token belongs to, or null. */
  userFor(tokenHash: string): Promise<string | null>;
  /** Forget the person's feed (account deleted). */
  remove(userId: string): Promise<void>;
}

/** Deadline reminders sent, so each goes out once however many nodes run the job. */
export interface ReminderStore {
  /** Claim the reminder (`item` names the report or follow-up, `kind` week or day): true for the one caller that may send it. */
  claim(r: { userId: string; item: string; kind: string; deadlineAt: string; sentAt: string }): Promise<boolean>;
  /** Give a claim back after the mail failed, so a later round tries again. */
  release(r: { userId: string; item: string; kind: string; deadlineAt: string }): Promise<void>;
}

/** Tracked recommendations (follow-up after a review) and their log; who may see them is decided above. */
export interface FollowUpStore {
  createItems(items: FollowUpItem[]): Promise<void>;
  getItem(id: string): Promise<FollowUpItem | null>;
  /** Items of these coalitions, and the person's own items (no coalition), oldest first. */
  listItems(scope: { coalitionIds: string[]; ownerUserId: string }): Promise<FollowUpItem[]>;
  countItems(scope: { coalitionId: string | null; ownerUserId: string }): Promise<number>;
  updateItem(id: string, fields: Partial<Pick<FollowUpItem, 'text' | 'topic' | 'paragraph' | 'followUpDue'>>): Promise<void>;
  deleteItem(id: string): Promise<boolean>;
  /** Log entries of these items, oldest first. */
  log(itemIds: string[]): Promise<FollowUpLogEntry[]>;
  addLog(entry: FollowUpLogEntry): Promise<void>;
  countLog(itemId: string): Promise<number>;
}

/** Who reads the library: anyone (signed out), or a person with their coalitions. */
export interface LibraryReader {
  userId: string | null;
  coalitionIds: string[];
}

/** A subscription as stored, with what conditional requests need. */
export interface LibrarySubscriptionRecord {
  id: string;
  url: string;
  createdBy: string;
  createdAt: string;
  instance: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastError: string | null;
}

/** The library (issue 14): entries with their adoption records, their uses in reports, subscriptions. */
export interface LibraryStore {
  /** Insert an entry with its adoption records. */
  create(entry: LibraryEntry): Promise<void>;
  get(id: string): Promise<LibraryEntry | null>;
  getMany(ids: string[]): Promise<LibraryEntry[]>;
  /** Published entries; with a user, also those shared with the instance, of their coalitions and their own. */
  listReadable(reader: LibraryReader): Promise<LibraryEntry[]>;
  listPublished(): Promise<LibraryEntry[]>;
  count(): Promise<number>;
  /** Change the fields, raise the version by one and set `updatedAt`; null when the entry is gone. */
  update(id: string, fields: Partial<EntryFields>, at: string): Promise<LibraryEntry | null>;
  delete(id: string): Promise<boolean>;
  /** Add an adoption record unless the entry has `max` already (false then, or when the entry is gone). */
  addAdoption(entryId: string, adoption: AdoptionRecord, max: number): Promise<boolean>;
  /** Remember that a report used the entry at this version (the latest use of a report replaces its earlier one). */
  recordUse(entryId: string, reportId: string, version: number, at: string): Promise<void>;
  uses(entryId: string): Promise<{ reportId: string; version: number }[]>;
  createSubscription(s: LibrarySubscriptionRecord): Promise<boolean>;
  listSubscriptions(): Promise<LibrarySubscriptionRecord[]>;
  getSubscription(id: string): Promise<LibrarySubscriptionRecord | null>;
  /** Delete the subscription and every entry it brought. */
  deleteSubscription(id: string): Promise<boolean>;
  setSubscriptionState(id: string, state: Pick<LibrarySubscriptionRecord, 'instance' | 'etag' | 'lastModified' | 'lastPolledAt' | 'lastError'>): Promise<void>;
  /**
   * Make the subscription's entries exactly these, in one transaction: each keyed by its id at the source keeps
   * its local id across polls; those no longer listed are deleted.
   */
  replaceSubscribed(subscriptionId: string, entries: { key: string; entry: LibraryEntry }[]): Promise<void>;
  countSubscribed(subscriptionId: string): Promise<number>;
}
