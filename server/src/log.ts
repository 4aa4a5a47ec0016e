/**
 * Structured logs: one JSON object per line with time, level, category, message and context. Values under
 * keys that name secrets are replaced, so a password, cookie or token never reaches the log.
 */
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

function clean(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, code: (value as { code?: unknown }).code };
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : clean(v, depth + 1);
  return out;
}

export function createLogger(
  minLevel: Level = 'info',
  category = 'server',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  const emit = (level: Level, message: string, context?: Record<string, unknown>) => {
    if (RANK[level] < RANK[minLevel]) return;
    const entry = { time: new Date().toISOString(), level, category, message, ...(clean(context ?? {}) as object) };
    write(JSON.stringify(entry));
  };
  return {
    debug: (m, c) => emit('debug', m, c),
    info: (m, c) => emit('info', m, c),
    warn: (m, c) => emit('warn', m, c),
    error: (m, c) => emit('error', m, c),
    child: (sub) => createLogger(minLevel, `${category}.${sub}`, write),
  };
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && value in RANK;
}
