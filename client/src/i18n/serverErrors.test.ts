/**
 * Every error a person can see reads in the interface language (issue 13): each error code the server throws
 * (read from its source, serverErrors.ts) has an `errors.<code>` message, and each message the server writes is
 * reproduced by one of its code's English templates, so the client can show it translated. The exact check
 * with real params is in test/integration/errorMessages.test.ts; here the template's shape is compared with the
 * server's message, `${…}` parts standing for the params. messages.test.ts checks the six languages agree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequest, Conflict, Forbidden, HttpError, MethodNotAllowed, NotFound, PayloadTooLarge, ServiceUnavailable, TooManyRequests, Unauthorized, UnsupportedMediaType, toErrorBody } from '../../../server/src/errors.ts';
import { parseDeadlineInput } from '../../../shared/deadlines/deadline.ts';
import { parseExportOptions } from '../../../shared/export/options.ts';
import { validateCreateReport, validateName, validateNewToken, validateSignup } from '../../../shared/api/validate.ts';
import { apiErrorMessage } from '../api/http.ts';
import { i18n, initI18n, setLanguage } from './i18n.ts';
import { thrownErrors } from './serverErrors.ts';

const english = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'areas/errors/en.json'), 'utf8')) as Record<string, string>;

/** Codes made at run time (`invalid_${key}`, `${what}_failed`, a feed's first refusal), so no pattern finds them. */
const DYNAMIC_CODES = [
  'invalid_adoptedOn', 'invalid_documentSymbol', 'invalid_followUpDue', 'invalid_mechanism', 'invalid_note', 'invalid_paragraph',
  'invalid_place', 'invalid_state', 'invalid_text', 'invalid_topic', 'invalid_observedOn', 'export_failed', 'import_failed',
  'feed_unreadable', 'private_address', 'shutting_down', 'busy', 'unauthorized', 'not_found', 'payload_too_large', 'unsupported_type', 'invalid_option',
];

/**
 * Messages no template reproduces, on purpose: a feed's refusal is said inside another message (`invalid_url`,
 * `feed_unreadable`) with the feed's own words.
 */
const SERVER_WORDS_ONLY = new Set(['http_error', 'network', 'timeout', 'too_many_redirects']);

/** Values for params that a plural or select takes (a marker would not do). */
const SAMPLE_VALUES: Record<string, string | number> = { min: 12, minimum: 'editor', role: 'viewer', what: 'import' };

/** Messages whose words are chosen from a count (report/reports, it/them): checked with real answers in test/integration/errorMessages.test.ts. */
const CHOSEN_FROM_COUNT = new Set(['sole_owner', 'sole_manager', 'consent_blocked']);

function keysOf(code: string): string[] {
  return Object.keys(english).filter((k) => k === `errors.${code}` || k.startsWith(`errors.${code}.`));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for what an English template can say: its arguments (and plurals, selects) match anything. */
function shape(template: string): RegExp {
  const ast = new IntlMessageFormat(template, 'en').getAst() as { type: number; value: string }[];
  return new RegExp('^' + ast.map((el) => (el.type === 0 ? escape(el.value) : '(.+?)')).join('') + '$', 's');
}

describe('error messages in every language', () => {
  beforeAll(() => initI18n('en'));
  const thrown = thrownErrors();

  it('finds the throw sites', () => {
    expect(thrown.length).toBeGreaterThan(150);
    expect(new Set(thrown.map((e) => e.code)).size).toBeGreaterThan(90);
  });

  it('[ERR1] every error code the server throws has an errors.<code> message in English', () => {
    const codes = new Set([...thrown.map((e) => e.code), ...DYNAMIC_CODES]);
    const missing = [...codes].filter((code) => keysOf(code).length === 0).sort();
    expect(missing).toEqual([]);
  });

  it('[ERR5] every message built from values sends them as params, and its template with them is the message', () => {
    const problems: string[] = [];
    for (const e of thrown) {
      if (!e.template || e.message === null || SERVER_WORDS_ONLY.has(e.code) || CHOSEN_FROM_COUNT.has(e.code)) continue;
      if (!e.params) {
        problems.push(`${e.code}: no params for ${e.message} (${e.file})`);
        continue;
      }
      const byExpression = new Map(Object.entries(e.params).map(([name, expr]) => [expr.replace(/\s+/g, ' '), name]));
      // A value stands for each param: a string literal's own words, else a marker (or a value a plural or select takes).
      const samples: Record<string, string | number> = Object.fromEntries(
        Object.entries(e.params).map(([name, expr]) => [name, /^'[^']*'$/.test(expr) ? expr.slice(1, -1) : (SAMPLE_VALUES[name] ?? `⟨${name}⟩`)]),
      );
      let unsent = false;
      const said = e.message.replace(/\$\{((?:[^{}]|\{[^{}]*\})*)\}/g, (_, expr: string) => {
        const name = byExpression.get(expr.trim().replace(/\s+/g, ' '));
        if (!name) unsent = true;
        return String(samples[name ?? ''] ?? '?');
      });
      if (unsent) {
        problems.push(`${e.code}: a value of ${e.message} is not in its params (${e.file})`);
        continue;
      }
      if (!keysOf(e.code).some((k) => i18n.t(k, { ...samples, lng: 'en' }) === said)) problems.push(`${e.code}: no template says ${said} (${e.file})`);
    }
    expect(problems).toEqual([]);
  });

  it('[ERR2] every message the server writes has a template of its code that reproduces it', () => {
    const unmatched: string[] = [];
    for (const e of thrown) {
      if (e.message === null || SERVER_WORDS_ONLY.has(e.code)) continue;
      const said = e.message.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, 'X');
      if (!keysOf(e.code).some((k) => shape(english[k]!).test(said))) unmatched.push(`${e.code}: ${e.message} (${e.file})`);
    }
    expect(unmatched).toEqual([]);
  });
});

describe('apiErrorMessage with real errors', () => {
  beforeAll(() => initI18n('en'));

  /** The server's error as the client shows it in English, and whether a template reproduced it. */
  function shown(err: HttpError | { code: string; message: string; params?: Record<string, string | number> }) {
    const body = err instanceof HttpError ? toErrorBody(err).error : err;
    return apiErrorMessage(body.code, body.message, body.params);
  }

  /** The code's keys, formatted with the error's params, include the server's message exactly. */
  function translatable(err: HttpError | { code: string; message: string; params?: Record<string, string | number> }): boolean {
    const body = err instanceof HttpError ? toErrorBody(err).error : err;
    return keysOf(body.code).some((k) => i18n.t(k, { min: 12, ...body.params, lng: 'en' }) === body.message);
  }

  const samples: (HttpError | { code: string; message: string; params?: Record<string, string | number> })[] = [
    new PayloadTooLarge(1048576),
    new MethodNotAllowed(),
    new Unauthorized(),
    new NotFound(),
    new NotFound('No report with this id.'),
    new UnsupportedMediaType(),
    new Forbidden(),
    new TooManyRequests('Too many failed sign-ins. Try again later.', 60),
    new ServiceUnavailable('busy', 'Several accessible PDFs are being made; try again in a minute.', 30),
    new Conflict('last_manager', 'A coalition needs a manager: make someone else a manager first.'),
    new BadRequest('invalid_json', 'The request body is not valid JSON.'),
    new HttpError(410, 'invitation_used', 'This invitation link has been used already. Ask for a new one.'),
  ];
  const problems = [
    validateName({ name: 'x'.repeat(300) }),
    validateName({}),
    validateName({ name: 5 }),
    validateName({ name: '   ' }),
    validateSignup({ name: 'A', email: 'a@example.org', password: 'short' }),
    validateSignup({ name: 'A', email: 'a@example.org', password: 'x'.repeat(2000) }),
    validateSignup({ name: 'A', email: 'a@example.org' }),
    validateNewToken({ name: 'ci', expiresInDays: 100000 }),
    validateCreateReport({ title: 'T', mechanism: 'nope' }),
    validateCreateReport({ title: 'T', mechanism: 'crc', submissionType: 'nope' }),
    validateCreateReport({ title: 'T', mechanism: 'crc', encrypted: 'yes' }),
    validateCreateReport({ title: 'T', mechanism: 'crc', template: 'nope' }),
  ];

  it('[ERR3] the English template formatted with the params is the server\'s message', () => {
    const deadlines = ['x'.repeat(101), '2027-02-30', 'soon', '2027-03-15T12:00', '2027-03-15T12:00+25:00', '2027-03-15T12:00[Mars/Olympus]', '2027-03-15T12:00+05:00[Europe/Geneva]']
      .map((input) => parseDeadlineInput(input))
      .flatMap((r) => (r.ok ? [] : [{ code: 'invalid_deadline', message: r.message, params: r.params }]));
    expect(deadlines.length).toBe(7);
    const options = parseExportOptions((name) => ({ notes: 'maybe', annex: 'perhaps' } as Record<string, string>)[name] ?? null, 'CRC');
    const optionProblems = options.ok ? [] : options.problems.map((p) => ({ code: 'invalid_option', message: p.message, params: p.params }));
    expect(optionProblems.length).toBe(2);
    const all = [...samples, ...problems.flatMap((p) => (p.ok ? [] : p.problems)), ...deadlines, ...optionProblems];
    expect(all.length).toBeGreaterThan(20);
    const failed = all.filter((e) => !translatable(e)).map((e) => `${e.code}: ${e.message}`);
    expect(failed).toEqual([]);
    for (const e of all) expect(shown(e)).toBe(e.message);
  });

  it('[ERR4] shows the message in the interface language, with the params; anything else in the server\'s words', async () => {
    await setLanguage('fr', { remember: false });
    try {
      expect(shown(new PayloadTooLarge(1048576))).not.toBe('Request body is larger than 1048576 bytes.');
      expect(shown(new PayloadTooLarge(1048576))).toBe('Le corps de la requête dépasse 1048576 octets.');
      expect(shown(new NotFound('No report with this id.'))).toBe('Aucun rapport ne porte cet identifiant.');
      expect(apiErrorMessage('not_found', 'A message no template has.')).toBe('A message no template has.');
      expect(apiErrorMessage('no_such_code', 'Something new.')).toBe('Something new.');
    } finally {
      await setLanguage('en', { remember: false });
    }
  });
});
