/**
 * Structured logs: one JSON object per line with time, level, category, message and context. Values under
 * keys that name secrets are replaced, so a password, cookie or token never reaches the log. Values under keys
 * that name a person's IP address (`ip`, `address`, `remote` ...) are cut to their network unless the operator
 * set LOG_IP (see ipAddress.ts).
 */
import { IP_KEY, privateAddress } from './ipAddress.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|cookie|authorization|session|database_?url|connectionString/i;

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  child(category: string): Logger;
}

export interface LogOptions {
  /** Keep IP addresses whole (LOG_IP=1). */
  logIp?: boolean;
}

function clean(value: unknown, options: LogOptions, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, options, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) out[k] = '[redacted]';
    else if (IP_KEY.test(k) && !options.logIp) out[k] = privateAddress(v);
    else out[k] = clean(v, options, depth + 1);
  }
  return out;
}

export function createLogger(
  minLevel: Level = 'info',
  category = 'server',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  options: LogOptions = {},
): Logger {
  const emit = (level: Level, message: string, context?: Record<string, unknown>) => {
    if (RANK[level] < RANK[minLevel]) return;
    const entry = { time: new Date().toISOString(), level, category, message, ...(clean(context ?? {}, options) as object) };
    write(JSON.stringify(entry));
  };
  return {
    debug: (m, c) => emit('debug', m, c),
    info: (m, c) => emit('info', m, c),
    warn: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('error', m, c),
    child: (sub) => createLogger(minLevel, `${category}.${sub}`, write, options),
  };
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && value in RANK;
}
