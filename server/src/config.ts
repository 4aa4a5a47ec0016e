/** Configuration from the environment, validated once at start. Every field has a working default. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { MIN_SECRET_LENGTH } from './cluster/envelope.ts';
import { isLevel, type Level } from './log.ts';

export interface Config {
  /** TCP port of the HTTP, API and sync server. */
  port: number;
  host: string;
  /** Folder of the embedded SQLite database (used when `databaseUrl` is unset). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces SQLite. */
  databaseUrl: string | null;
  /** Redis, for several server nodes on one PostgreSQL database: they share changes, presence and access. */
  redisUrl: string | null;
  /**
   * CLUSTER_SECRET: the same on every node; seals (encrypts and authenticates) what nodes tell each other over
   * Redis. Required with REDIS_URL. Never logged.
   */
  clusterSecret: string | null;
  /** PEM of the CA that signed Redis's TLS certificate (REDIS_TLS_CA, a file path; for `rediss://`). */
  redisTlsCa: string | null;
  /** Largest accepted sync message; a bigger one closes that connection. */
  maxMessageBytes: number;
  /** Sync connections one account may hold open on one node; the next is closed with 4429. */
  maxConnectionsPerAccount: number;
  /** Largest accepted JSON request body. */
  maxBodyBytes: number;
  /** Largest .docx accepted by POST /api/reports/import. */
  maxImportBytes: number;
  /** Zip-bomb guards for imports: total uncompressed size of the parts read, and entries in the archive. */
  maxImportUncompressedBytes: number;
  maxImportEntries: number;
  /** Worker threads for export and Word import, tasks that may wait for one, and how long one may run. */
  officeThreads: number;
  officeQueue: number;
  officeTimeoutMs: number;
  /** Heap limit of each of those threads. */
  officeHeapMb: number;
  /** An export thread left idle this long exits (starting one takes a second or two, so it is kept a while). */
  officeIdleMs: number;
  /** How long a document with no connection stays in memory before it is unloaded (once stored). */
  idleUnloadMs: number;
  /** Stored rows of one document that trigger a background compaction. */
  compactAfterRows: number;
  /** What one report may hold in storage (its documents' rows and its versions); changes past it are refused. */
  reportMaxBytes: number;
  /** ATTACHMENT_MAX_BYTES: the largest image or file one upload may carry. */
  attachmentMaxBytes: number;
  /** ATTACHMENT_REPORT_MAX_BYTES and ATTACHMENT_REPORT_MAX_COUNT: what one report's attachments may add up to. */
  attachmentReportMaxBytes: number;
  attachmentReportMaxCount: number;
  /** An automatic version is taken at least this often while a report is being edited. */
  autoVersionEveryMs: number;
  /** A deleted report waits this many days in its owner's trash before it is purged for good. */
  trashDays: number;
  logLevel: Level;
  /** The built client (vite build output); null serves the API and sync only. */
  staticDir: string | null;
  /** How long a session lasts without use; each use extends it. */
  sessionTtlMs: number;
  /** Trust X-Forwarded-Proto and X-Forwarded-For from a reverse proxy (cookies Secure and HSTS behind HTTPS; the caller's address). */
  trustProxy: boolean;
  /**
   * The instance's public base URL (e.g. `https://rightsdraft.example.org`, no trailing slash), used for links in
   * invitations and mails. Null: links are built from the request's Host header, and the answer says so.
   */
  publicUrl: string | null;
  /** Keep people's whole IP addresses in the logs; otherwise IPv4 is cut to its /24 and IPv6 to its /48. */
  logIp: boolean;
  /** Other origins allowed to call the API and open sync connections with cookies (e.g. a separate dev server). */
  allowedOrigins: string[];
  /** How long an invitation link stays valid. */
  invitationTtlMs: number;
  /** Failed sign-ins (per account and per address, in 15 minutes) before answers are slowed, and refused. */
  loginSlowAfter: number;
  loginRefuseAfter: number;
  /** Extra delay per failed sign-in past `loginSlowAfter`. */
  loginDelayStepMs: number;
  /** Outgoing mail server (`smtp://user:pass@host:587`, `smtps://…`); null: no mail, the app shows links to copy. */
  smtpUrl: string | null;
  /** Sender of every mail (`Rightsdraft <drafts@example.org>`); required with `smtpUrl`. */
  mailFrom: string | null;
  /** How often the digest of @mentions and replies goes out. */
  mailDigestMs: number;
  /** Who may create an account once the first exists, unless the administrator chose otherwise (stored setting). */
  registration: RegistrationMode;
  /** Sign-ups accepted from one address within `signupWindowMs`. */
  signupLimitPerAddress: number;
  signupWindowMs: number;
  /** Serve `GET /metrics` (Prometheus text format). */
  metrics: boolean;
  /** Who may read `/metrics`: IP addresses and CIDR ranges (`10.0.0.0/8`, `::1`). */
  metricsAllow: string[];
  /** LIBRARY_POLL_S: how often subscribed library feeds are fetched (conditional requests). */
  libraryPollMs: number;
  /** LIBRARY_ALLOW_PRIVATE_URLS=1: feeds on private, loopback and link-local addresses may be subscribed (tests, closed networks). */
  libraryAllowPrivateUrls: boolean;
}

/** open: anyone signs up; invite: only with an invitation (coalition or administrator); closed: only an administrator's. */
export type RegistrationMode = 'open' | 'invite' | 'closed';
export const REGISTRATION_MODES: readonly RegistrationMode[] = ['open', 'invite', 'closed'];

export function isRegistrationMode(value: unknown): value is RegistrationMode {
  return typeof value === 'string' && (REGISTRATION_MODES as readonly string[]).includes(value);
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, key: string, fallback: number, min = 0): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${key} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

const DEFAULT_METRICS_ALLOW = ['127.0.0.0/8', '::1'];

/** METRICS_ALLOW: comma-separated IP addresses or CIDR ranges; each checked here so a typo stops the start. */
function parseAllowList(raw: string | undefined): string[] {
  const entries = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return DEFAULT_METRICS_ALLOW;
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || extra !== undefined || !prefixOk) {
      throw new ConfigError(`METRICS_ALLOW must list IP addresses or CIDR ranges (like 127.0.0.1 or 10.0.0.0/8), got "${entry}"`);
    }
  }
  return entries;
}

function readTlsCa(file: string | null, cwd: string, redisUrl: string | null): string | null {
  if (!file) return null;
  if (!redisUrl?.startsWith('rediss://')) throw new ConfigError('REDIS_TLS_CA is for a TLS connection to Redis: REDIS_URL must start with rediss://');
  try {
    const pem = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`REDIS_TLS_CA must be a PEM certificate file; ${file} holds none`);
    return pem;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`REDIS_TLS_CA: cannot read ${file} (${(err as Error).message})`);
  }
}

/** PUBLIC_URL: an http(s) origin, optionally with a path, without credentials, query, fragment or trailing slash. */
function publicUrl(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL, got "${value}"`);
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL must be the plain address people open (no user name, password, query or fragment)');
  }
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

function flag(env: NodeJS.ProcessEnv, key: string): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new ConfigError(`${key} must be 1 or 0 (true or false), got "${env[key]}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!isLevel(logLevel)) throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  if (redisUrl && !databaseUrl) throw new ConfigError('REDIS_URL joins nodes that share a database: set DATABASE_URL (PostgreSQL) too');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]/.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  const mailFrom = env.MAIL_FROM?.trim() || null;
  if (smtpUrl && !mailFrom) throw new ConfigError('SMTP_URL needs MAIL_FROM, the sender address of every mail');
  if (mailFrom && !/^[^\r\n]*@[^\r\n]*$/.test(mailFrom)) throw new ConfigError('MAIL_FROM must be an address, e.g. "Rightsdraft <drafts@example.org>"');
  const publicBase = publicUrl(env.PUBLIC_URL);
  // Links in mails never come from a request's Host header, which a caller chooses.
  if (smtpUrl && !publicBase) throw new ConfigError('SMTP_URL needs PUBLIC_URL: the links in mails are built from it');
  const registration = env.REGISTRATION?.trim() || 'invite';
  if (!isRegistrationMode(registration)) throw new ConfigError(`REGISTRATION must be open, invite or closed, got "${registration}"`);
  const clusterSecret = env.CLUSTER_SECRET?.trim() || null;
  if (redisUrl && !clusterSecret) {
    throw new ConfigError(
      'REDIS_URL needs CLUSTER_SECRET, the same on every node, so that nodes only trust each other and not whoever reaches Redis. Make one with: openssl rand -hex 32',
    );
  }
  if (clusterSecret && clusterSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`CLUSTER_SECRET must be at least ${MIN_SECRET_LENGTH} characters of random data. Make one with: openssl rand -hex 32`);
  }
  const metricsAllow = parseAllowList(env.METRICS_ALLOW);
  const redisTlsCa = readTlsCa(env.REDIS_TLS_CA?.trim() || null, cwd, redisUrl);
  return {
    port: int(env, 'PORT', 8787),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    databaseUrl,
    redisUrl,
    clusterSecret,
    redisTlsCa,
    maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', 16 * 1024 * 1024, 1024),
    maxConnectionsPerAccount: int(env, 'MAX_CONNECTIONS_PER_ACCOUNT', 20, 1),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024),
    maxImportBytes: int(env, 'MAX_IMPORT_BYTES', 25 * 1024 * 1024, 1024),
    maxImportUncompressedBytes: int(env, 'MAX_IMPORT_UNCOMPRESSED_BYTES', 200 * 1024 * 1024, 1024),
    maxImportEntries: int(env, 'MAX_IMPORT_ENTRIES', 2000, 10),
    officeThreads: int(env, 'OFFICE_THREADS', Math.max(1, Math.min(2, os.availableParallelism() - 1)), 1),
    officeQueue: int(env, 'OFFICE_QUEUE', 8),
    officeTimeoutMs: int(env, 'OFFICE_TIMEOUT_S', 120, 1) * 1000,
    officeHeapMb: int(env, 'OFFICE_HEAP_MB', 2048, 64),
    officeIdleMs: int(env, 'OFFICE_IDLE_S', 600, 1) * 1000,
    idleUnloadMs: int(env, 'IDLE_UNLOAD_MS', 30_000),
    compactAfterRows: int(env, 'COMPACT_AFTER_ROWS', 200, 2),
    reportMaxBytes: int(env, 'REPORT_MAX_BYTES', 64 * 1024 * 1024, 64 * 1024),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1024),
    attachmentReportMaxBytes: int(env, 'ATTACHMENT_REPORT_MAX_BYTES', 500 * 1024 * 1024, 1024),
    attachmentReportMaxCount: int(env, 'ATTACHMENT_REPORT_MAX_COUNT', 1000, 1),
    autoVersionEveryMs: int(env, 'AUTO_VERSION_EVERY_MIN', 30, 1) * 60_000,
    trashDays: int(env, 'TRASH_DAYS', 30, 1),
    logLevel,
    staticDir: env.STATIC_DIR === '' ? null : path.resolve(cwd, env.STATIC_DIR || 'dist/client'),
    sessionTtlMs: int(env, 'SESSION_TTL_HOURS', 14 * 24, 1) * 3600_000,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    publicUrl: publicBase,
    logIp: flag(env, 'LOG_IP'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    invitationTtlMs: int(env, 'INVITATION_TTL_HOURS', 7 * 24, 1) * 3600_000,
    loginSlowAfter: int(env, 'LOGIN_SLOW_AFTER', 3, 1),
    loginRefuseAfter: int(env, 'LOGIN_REFUSE_AFTER', 10, 1),
    loginDelayStepMs: int(env, 'LOGIN_DELAY_STEP_MS', 1000),
    smtpUrl,
    mailFrom,
    mailDigestMs: int(env, 'MAIL_DIGEST_MINUTES', 60, 1) * 60_000,
    registration,
    signupLimitPerAddress: int(env, 'SIGNUP_LIMIT_PER_ADDRESS', 5, 1),
    signupWindowMs: int(env, 'SIGNUP_LIMIT_WINDOW_MINUTES', 60, 1) * 60_000,
    metrics: flag(env, 'METRICS'),
    metricsAllow,
    libraryPollMs: int(env, 'LIBRARY_POLL_S', 3600, 1) * 1000,
    libraryAllowPrivateUrls: flag(env, 'LIBRARY_ALLOW_PRIVATE_URLS'),
  };
}
