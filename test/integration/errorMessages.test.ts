/// <reference types="vite/client" />
/**
 * Errors a person sees read in the interface language (issue 13): a real server's error answers carry the
 * params their English message is built from, and the client's English template for the code, formatted with
 * those params, is exactly the server's message (so `apiErrorMessage` shows it translated). One bad request per
 * kind of throw site: validators' problems, route checks with limits and names, the JSON reader, the router.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MECHANISMS } from '../../shared/api/mechanisms.ts';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { TEMPLATE_IDS, templateFits } from '../../shared/templates/templateIds.ts';
import { apiErrorMessage } from '../../client/src/api/http.ts';
import { i18n, initI18n, setLanguage } from '../../client/src/i18n/i18n.ts';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';

const english = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../client/src/i18n/areas/errors/en.json'), 'utf8')) as Record<string, string>;

/** A mechanism and a template that is not for it. */
function misfit(): { mechanism: string; template: string } {
  for (const template of TEMPLATE_IDS) for (const mechanism of MECHANISMS) if (!templateFits(template, mechanism)) return { mechanism, template };
  throw new Error('every template fits every mechanism');
}

/** The code's English templates formatted with the answer's params: one of them must be the server's words. */
function englishFor(error: ApiErrorBody['error']): string[] {
  return Object.keys(english)
    .filter((k) => k === `errors.${error.code}` || k.startsWith(`errors.${error.code}.`))
    .map((k) => i18n.t(k, { ...error.params, lng: 'en' }));
}

describe('error answers the client can word in every language', () => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let reportId: string;

  beforeAll(async () => {
    await initI18n('en');
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
    owner = await signUp(server.url);
    reportId = (await createReport(server.url, owner)).id;
  });

  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  const cases: [string, () => Promise<{ status: number; body: unknown }>, string, boolean][] = [
    ['an unknown mechanism (validator, values)', () => api(server.url, '/api/reports', { as: owner, body: { title: 'T', mechanism: 'nope' } }), 'unknown_mechanism', true],
    ['a template for another mechanism (validator, names)', () => api(server.url, '/api/reports', { as: owner, body: { title: 'T', ...misfit() } }), 'template_mismatch', true],
    ['a long title (validator, limit)', () => api(server.url, '/api/reports', { as: owner, body: { title: 'x'.repeat(5000), mechanism: 'crc' } }), 'too_long', true],
    ['an unknown interface language (route, list)', () => api(server.url, '/api/auth/me/language', { as: owner, method: 'PUT', body: { language: 'xx' } }), 'invalid_language', true],
    ['a long library query (route, limit)', () => api(server.url, '/api/library/search?q=' + 'x'.repeat(201), { as: owner }), 'too_long', true],
    ['too many entries to export (route, limit)', () => api(server.url, '/api/library/export?ids=' + Array.from({ length: 501 }, () => 'a').join(','), { as: owner }), 'too_many', true],
    ['an unknown export format (route, list)', () => api(server.url, `/api/reports/${reportId}/export?format=nope`, { as: owner }), 'invalid_format', true],
    ['an unknown taxonomy kind (route, name and list)', () => api(server.url, '/api/taxonomy/search?q=a&kind=nope', { as: owner }), 'invalid_field', true],
    ['a follow-up state too long (required text, dynamic code)', () => api(server.url, '/api/follow-up/import', { as: owner, body: { coalitionId: null, state: 'x'.repeat(5000), text: 'a' } }), 'invalid_state', true],
    ['a follow-up symbol too long (optional text, dynamic code)', () => api(server.url, '/api/follow-up/import', { as: owner, body: { coalitionId: null, state: 'Freedonia', text: 'a', documentSymbol: 'x'.repeat(5000) } }), 'invalid_documentSymbol', true],
    ['a follow-up date that is not a date (dynamic code)', () => api(server.url, '/api/follow-up/import', { as: owner, body: { coalitionId: null, state: 'Freedonia', text: 'a', adoptedOn: 'soon' } }), 'invalid_adoptedOn', true],
    ['a body that is not JSON (JSON reader)', () => api(server.url, '/api/reports', { as: owner, body: '{not json' }), 'invalid_json', false],
    ['a missing report (NotFound)', () => api(server.url, '/api/reports/00000000-0000-4000-8000-000000000000', { as: owner }), 'not_found', false],
    ['no session (Unauthorized)', () => api(server.url, '/api/reports'), 'unauthorized', false],
  ];

  for (const [what, call, code, hasParams] of cases) {
    it(`${what}: the English template with the params is the server's message`, async () => {
      const res = await call();
      const error = (res.body as ApiErrorBody).error;
      expect(error.code).toBe(code);
      if (hasParams) expect(error.params).toBeDefined();
      expect(englishFor(error)).toContain(error.message);
      expect(apiErrorMessage(error.code, error.message, error.params)).toBe(error.message);
    });
  }

  for (const reports of [1, 2]) {
    it(`deleting the account of the only owner of ${reports} report(s): the plural template with the count is the server's message`, async () => {
      const member = await signUp(server.url);
      for (let i = 0; i < reports; i++) await createReport(server.url, member);
      const res = await api(server.url, '/api/auth/me', { as: member, method: 'DELETE', body: { password: member.password } });
      const error = (res.body as ApiErrorBody).error;
      expect(error.code).toBe('sole_owner');
      expect(error.params).toEqual({ count: reports });
      expect(englishFor(error)).toContain(error.message);
    });
  }

  it('the client shows such an answer in the interface language', async () => {
    const res = await api(server.url, '/api/reports', { as: owner, body: { title: 'x'.repeat(5000), mechanism: 'crc' } });
    const error = (res.body as ApiErrorBody).error;
    await setLanguage('es', { remember: false });
    try {
      const shown = apiErrorMessage(error.code, error.message, error.params);
      expect(shown).not.toBe(error.message);
      expect(shown).toContain(String(error.params!.max));
    } finally {
      await setLanguage('en', { remember: false });
    }
  });
});
