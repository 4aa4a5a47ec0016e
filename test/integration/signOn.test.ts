/**
 * A coalition's organisations on the cover, and sign-on: each organisation's endorsement of a coalition report is
 * pending until an owner or editor confirms it; the exported cover (read back by LibreOffice) names the confirmed
 * ones; the checks warn about the pending ones. On both storages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { addOrganisation } from '../../shared/report/coverFields.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createOffice, squash, type Office } from '../helpers/office.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

interface SignOnEntry {
  name: string;
  status: 'pending' | 'confirmed';
  confirmedBy: { id: string; name: string } | null;
  confirmedAt: string | null;
}
interface SignOn {
  organisations: SignOnEntry[];
  source: 'coalition' | 'report';
  required: boolean;
  coalitionOrganisations: string[] | null;
}
interface Checks {
  checks: { id: string; passed: boolean; message: string }[];
}

describe.each(STORAGE_KINDS)('Sign-on on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let office: Office;
  let owner: TestUser;
  let editor: TestUser;
  let reviewer: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let coalitionId: string;
  let reportId: string;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    office = createOffice();
    owner = await signUp(server.url);
    editor = await signUp(server.url);
    reviewer = await signUp(server.url);
    viewer = await signUp(server.url);
    stranger = await signUp(server.url);
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', {
      as: owner,
      body: { name: 'Equal Schools Coalition', organisations: ['Roma Rights Centre', 'Equal Schools Network'] },
    });
    expect(coalition.status).toBe(201);
    coalitionId = coalition.body.id;
    reportId = (await createReport(server.url, owner, { title: 'Segregation in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia', coalitionId })).id;
    for (const [who, role] of [[editor, 'editor'], [reviewer, 'reviewer'], [viewer, 'viewer']] as const) {
      expect((await api(server.url, `/api/reports/${reportId}/members`, { as: owner, body: { email: who.email, role } })).status).toBe(201);
    }
  });
  afterAll(async () => {
    office?.dispose();
    await server?.close();
    await storage?.destroy();
  });

  const signOn = async (as: TestUser = viewer) => {
    const res = await api<SignOn>(server.url, `/api/reports/${reportId}/sign-on`, { as });
    expect(res.status).toBe(200);
    return res.body;
  };
  const patch = (as: TestUser, body: unknown) => api<SignOnEntry | ApiErrorBody>(server.url, `/api/reports/${reportId}/sign-on`, { as, method: 'PATCH', body });
  const coverText = async () => {
    const res = await fetch(`${server.url}/api/reports/${reportId}/export?format=docx&annex=false`, { headers: { cookie: viewer.cookie } });
    expect(res.status).toBe(200);
    return squash(await office.docxText(new Uint8Array(await res.arrayBuffer())));
  };

  it("lists the coalition's organisations, each pending until confirmed", async () => {
    expect(await signOn()).toEqual({
      source: 'coalition',
      required: true,
      coalitionOrganisations: ['Roma Rights Centre', 'Equal Schools Network'],
      organisations: [
        { name: 'Roma Rights Centre', status: 'pending', confirmedBy: null, confirmedAt: null },
        { name: 'Equal Schools Network', status: 'pending', confirmedBy: null, confirmedAt: null },
      ],
    });
  });

  it('lets owners and editors confirm; reviewers and viewers get 403, others 404', async () => {
    expect((await patch(reviewer, { organisation: 'Roma Rights Centre', status: 'confirmed' })).status).toBe(403);
    expect((await patch(viewer, { organisation: 'Roma Rights Centre', status: 'confirmed' })).status).toBe(403);
    expect((await patch(stranger, { organisation: 'Roma Rights Centre', status: 'confirmed' })).status).toBe(404);
    const bad = await patch(editor, { organisation: 'Nobody Here', status: 'confirmed' });
    expect(bad.status).toBe(400);
    expect((bad.body as ApiErrorBody).error.code).toBe('unknown_organisation');
    expect((await patch(editor, { organisation: 'Roma Rights Centre', status: 'maybe' })).status).toBe(400);

    const before = Date.now();
    const ok = await patch(editor, { organisation: 'Roma Rights Centre', status: 'confirmed' });
    expect(ok.status).toBe(200);
    const entry = (await signOn()).organisations[0]!;
    // Who confirmed is the signed-in caller, stamped by the server; nothing in the request can name someone else.
    expect(entry).toMatchObject({ name: 'Roma Rights Centre', status: 'confirmed', confirmedBy: { id: editor.id, name: editor.name } });
    expect(Date.parse(entry.confirmedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect((await patch(owner, { organisation: 'Roma Rights Centre', status: 'confirmed', confirmedBy: { id: owner.id, name: 'Someone else' } })).status).toBe(200);
    expect((await signOn()).organisations[0]!.confirmedBy).toEqual({ id: owner.id, name: owner.name });
  });

  it('prints only the confirmed organisations on the exported cover, and the checks warn about the pending ones', async () => {
    const text = await coverText();
    expect(text).toContain('Roma Rights Centre');
    expect(text).not.toContain('Equal Schools Network');
    const checks = await api<Checks>(server.url, `/api/reports/${reportId}/checks`, { as: viewer });
    const pending = checks.body.checks.find((c) => c.id === 'organisations-signed-on');
    expect(pending).toMatchObject({ passed: false });
    expect(pending!.message).toContain('Equal Schools Network');
  });

  it("follows the coalition's list when it changes", async () => {
    const changed = await api(server.url, `/api/coalitions/${coalitionId}`, {
      as: owner,
      method: 'PATCH',
      body: { organisations: ['Roma Rights Centre', 'Equal Schools Network', 'Parents for Inclusion'] },
    });
    expect(changed.status).toBe(200);
    expect((await signOn()).organisations.map((o) => [o.name, o.status])).toEqual([
      ['Roma Rights Centre', 'confirmed'],
      ['Equal Schools Network', 'pending'],
      ['Parents for Inclusion', 'pending'],
    ]);
    await patch(owner, { organisation: 'Parents for Inclusion', status: 'confirmed' });
    await patch(owner, { organisation: 'Roma Rights Centre', status: 'pending' });
    const text = await coverText();
    expect(text).toContain('Parents for Inclusion');
    expect(text).not.toContain('Roma Rights Centre');
  });

  it('uses the report\'s own list once it has one, and the coalition\'s changes no longer reach it', async () => {
    const client = connectClient(server.wsUrl, reportId, owner);
    await client.synced;
    addOrganisation(client.doc, 'Roma Rights Centre');
    addOrganisation(client.doc, 'Local Teachers Union');
    await waitFor(async () => (await signOn()).source === 'report');
    client.destroy();
    expect((await signOn()).organisations.map((o) => o.name)).toEqual(['Roma Rights Centre', 'Local Teachers Union']);
    await api(server.url, `/api/coalitions/${coalitionId}`, { as: owner, method: 'PATCH', body: { organisations: ['Another Org'] } });
    expect((await signOn()).organisations.map((o) => o.name)).toEqual(['Roma Rights Centre', 'Local Teachers Union']);
    await patch(editor, { organisation: 'Local Teachers Union', status: 'confirmed' });
    const text = await coverText();
    expect(text).toContain('Local Teachers Union');
    expect(text).not.toContain('Another Org');
  });

  it("lists the sign-on a person confirmed in the download of their data", async () => {
    const mine = await api<{ signOnsConfirmed: { reportId: string; organisation: string }[] }>(server.url, '/api/auth/me/export', { as: editor });
    expect(mine.status).toBe(200);
    expect(mine.body.signOnsConfirmed).toEqual([expect.objectContaining({ reportId, organisation: 'Local Teachers Union' })]);
  });

  it('answers 404 to a stranger reading sign-on', async () => {
    expect((await api(server.url, `/api/reports/${reportId}/sign-on`, { as: stranger })).status).toBe(404);
  });
});
