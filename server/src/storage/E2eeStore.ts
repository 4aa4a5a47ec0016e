/**
 * What the server keeps for end-to-end encrypted reports (issue 11): public keys and password-wrapped secret keys
 * of accounts, report keys wrapped per member and key generation, and each document's encrypted snapshot plus the
 * encrypted updates after it. Everything here is ciphertext or public; the server reads none of it.
 */

export interface AccountKeysRecord {
  userId: string;
  /** X25519 and Ed25519 public keys, base64. */
  boxPublic: string;
  signPublic: string;
  /** The secret keys wrapped with the password (Argon2id) and with the recovery code: JSON, opaque here. */
  passwordWrap: string;
  recoveryWrap: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReportKeyRecord {
  generation: number;
  userId: string;
  wrappedKey: string;
  wrappedBy: string;
}

export interface EncryptedLoad {
  /** The newest snapshot, when it covers more than the caller has (`covers` > after). */
  snapshot: { covers: number; data: Uint8Array } | null;
  /** Updates after max(after, snapshot.covers), oldest first. */
  updates: { seq: number; data: Uint8Array }[];
  /** The newest sequence number the document has reached. */
  head: number;
  /** Bytes of every update stored after the snapshot: a client compacts past a threshold. */
  pendingBytes: number;
}

/** A version of an encrypted report, sealed in a member's browser: its name and text are inside `data`. */
export interface EncryptedVersionRecord {
  id: string;
  reportId: string;
  /** The report-key generation it is sealed with. */
  generation: number;
  /** The account that made and signed it. */
  makerId: string;
  createdAt: string;
  /** Bytes of the sealed blob. */
  bytes: number;
}

export interface E2eeStore {
  accountKeys(userId: string): Promise<AccountKeysRecord | null>;
  publicKeys(userIds: string[]): Promise<AccountKeysRecord[]>;
  /** Store an account's first keys; false when it has some already (nothing is replaced). */
  createAccountKeys(record: AccountKeysRecord): Promise<boolean>;
  /** Replace the wrapped secrets (a new password); the public keys stay. False when the account has no keys. */
  rewrapAccountKeys(userId: string, wraps: { passwordWrap: string; recoveryWrap?: string }, at: string): Promise<boolean>;
  /** The report's current key generation (0 before its first key). */
  keyGeneration(reportId: string): Promise<number>;
  /** Every wrapped key of the report (each member's, every generation). */
  reportKeys(reportId: string): Promise<ReportKeyRecord[]>;
  /**
   * Add wrapped keys for `generation`: the current one, or current + 1 to rotate (then it becomes current).
   * False, with nothing written, for any other generation (someone else rotated meanwhile).
   */
  addReportKeys(reportId: string, generation: number, wraps: Omit<ReportKeyRecord, 'generation'>[], at: string): Promise<boolean>;
  load(docName: string, after: number): Promise<EncryptedLoad>;
  appendUpdate(docName: string, generation: number, data: Uint8Array): Promise<number>;
  /**
   * Store a snapshot covering every update up to `covers` and drop those updates and older snapshots, in one
   * transaction. False when `covers` is past the newest stored update.
   */
  storeSnapshot(docName: string, generation: number, covers: number, data: Uint8Array): Promise<boolean>;
  /**
   * Keep a sealed version; false, with nothing written, when the report holds `maxCount` of them already (checked in
   * the same transaction, so two makers at once cannot pass the limit).
   */
  addVersion(record: Omit<EncryptedVersionRecord, 'bytes'>, data: Uint8Array, maxCount: number): Promise<boolean>;
  /** The report's sealed versions without their bytes, newest first. */
  listVersions(reportId: string): Promise<EncryptedVersionRecord[]>;
  getVersion(reportId: string, id: string): Promise<{ record: EncryptedVersionRecord; data: Uint8Array } | null>;
  /** False when the report has no such version. */
  deleteVersion(reportId: string, id: string): Promise<boolean>;
}
