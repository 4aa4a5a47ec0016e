/**
 * Languages on the server, on SQLite and PostgreSQL: the interface language kept on the account (only one of the
 * six, only for the person themselves), and a new report's language: the one asked for, else its creator's
 * interface language, written into its cover and the titles of its template's sections.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getCoverFields } from '../../shared/report/coverFields.ts';
import { api, createReport, getContent, signUp, type TestClient, type TestUser } from '../helpers/clients.ts';
import { expectError, openReport } from '../helpers/accounts.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

describe.each(STORAGE_KINDS)('Languages on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let writer: TestUser;
  const opened: TestClient[] = [];
  /** The report's cover as its collaborators see it. */
  const coverLanguage = async (reportId: string) => getCoverFields((await openReport(server.wsUrl, reportId, writer, opened)).doc).language;

  const language = (as: TestUser | undefined) => api<{ language: string | null }>(server.url, '/api/auth/me/language', as ? { as } : {});
  const choose = (as: TestUser, value: unknown) => api(server.url, '/api/auth/me/language', { as, method: 'PUT', body: { language: value } });

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    await signUp(server.url, { name: 'Ada Admin' });
    writer = await signUp(server.url, { name: 'Amal' });
  });
  afterEach(() => {
    for (const c of opened.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('keeps the chosen interface language on the account, and refuses anything but the six', async () => {
    expect((await language(writer)).body.language).toBeNull();
    expect((await choose(writer, 'ar')).status).toBe(200);
    expect((await language(writer)).body.language).toBe('ar');
    expectError(await choose(writer, 'de'), 400, 'invalid_language');
    expectError(await choose(writer, 42), 400, 'invalid_language');
    expect((await language(writer)).body.language).toBe('ar');
    expect((await language(undefined)).status).toBe(401);
  });

  it('writes the asked language into a new report, with its template sections titled in it', async () => {
    const report = await createReport(server.url, writer, { mechanism: 'UPR', template: 'upr', language: 'fr' });
    const content = await getContent(server.url, writer, report.id);
    expect(await coverLanguage(report.id)).toBe('fr');
    expect(content.sections.map((s) => s.title)).toContain('Questions thématiques');
    expectError(await api(server.url, '/api/reports', { as: writer, body: { title: 'X', mechanism: 'UPR', language: 'not a tag!' } }), 400, 'invalid_language');
  });

  it("gives a report created without a language its creator's interface language", async () => {
    await choose(writer, 'es');
    const report = await createReport(server.url, writer, { mechanism: 'UPR', template: 'upr' });
    const content = await getContent(server.url, writer, report.id);
    expect(await coverLanguage(report.id)).toBe('es');
    expect(content.sections.map((s) => s.title)).toContain('Recomendaciones');
  });
});
