/**
 * A coalition's organisations on the cover, and sign-on: each organisation's endorsement of a coalition report is
 * pending until an owner or editor confirms it; the exported cover (read back by LibreOffice) names the confirmed
 * ones; the checks warn about the pending ones. On both storages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { addOrganisation } from '../../shared/report/coverFields.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';

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
  const suite = useExportServer(kind);
  let editor: TestUser;
  let reviewer: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let coalitionId: string;
  let reportId: string;

  beforeAll(async () => {
    editor = await signUp(suite.server.url);
    reviewer = await signUp(suite.server.url);
    viewer = await signUp(suite.server.url);
    stranger = await signUp(suite.server.url);
    const coalition = await api<{ id: string }>(suite.server.url, '/api/coalitions', {
      as: suite.owner,
      body: { name: 'Equal Schools Coalition', organisations: ['Roma Rights Centre', 'Equal Schools Network'] },
    });
    expect(coalition.status).toBe(201);
    coalitionId = coalition.body.id;
    reportId = (await createReport(suite.server.url, suite.owner, { title: 'Segregation in schools', mechanism: 'CERD', stateUnderReview: 'Freedonia', coalitionId })).id;
    for (const [who, role] of [[editor, 'editor'], [reviewer, 'reviewer'], [viewer, 'viewer']] as const) {
      expect((await api(suite.server.url, `/api/reports/${reportId}/members`, { as: suite.owner, body: { email: who.email, role } })).status).toBe(201);
    }
  });

  const signOn = async (as: TestUser = viewer) => {
    const res = await api<SignOn>(suite.server.url, `/api/reports/${reportId}/sign-on`, { as });
    expect(res.status).toBe(200);
    return res.body;
  };
  const patch = (as: TestUser, body: unknown) => api<SignOnEntry | ApiErrorBody>(suite.server.url, `/api/reports/${reportId}/sign-on`, { as, method: 'PATCH', body });
  const coverText = async () => {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=docx&annex=false`, { headers: { cookie: viewer.cookie } });
    expect(res.status).toBe(200);
    return squash(await suite.office.docxText(new Uint8Array(await res.arrayBuffer())));
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
    expect((await patch(suite.owner, { organisation: 'Roma Rights Centre', status: 'confirmed', confirmedBy: { id: suite.owner.id, name: 'Someone else' } })).status).toBe(200);
    expect((await signOn()).organisations[0]!.confirmedBy).toEqual({ id: suite.owner.id, name: suite.owner.name });
  });

  it('prints only the confirmed organisations on the exported cover, and the checks warn about the pending ones', async () => {
    const text = await coverText();
    expect(text).toContain('Roma Rights Centre');
    expect(text).not.toContain('Equal Schools Network');
    const checks = await api<Checks>(suite.server.url, `/api/reports/${reportId}/checks`, { as: viewer });
    const pending = checks.body.checks.find((c) => c.id === 'organisations-signed-on');
    expect(pending).toMatchObject({ passed: false });
    expect(pending!.message).toContain('Equal Schools Network');
  });

  it("follows the coalition's list when it changes", async () => {
    const changed = await api(suite.server.url, `/api/coalitions/${coalitionId}`, {
      as: suite.owner,
      method: 'PATCH',
      body: { organisations: ['Roma Rights Centre', 'Equal Schools Network', 'Parents for Inclusion'] },
    });
    expect(changed.status).toBe(200);
    expect((await signOn()).organisations.map((o) => [o.name, o.status])).toEqual([
      ['Roma Rights Centre', 'confirmed'],
      ['Equal Schools Network', 'pending'],
      ['Parents for Inclusion', 'pending'],
    ]);
    await patch(suite.owner, { organisation: 'Parents for Inclusion', status: 'confirmed' });
    await patch(suite.owner, { organisation: 'Roma Rights Centre', status: 'pending' });
    const text = await coverText();
    expect(text).toContain('Parents for Inclusion');
    expect(text).not.toContain('Roma Rights Centre');
  });

  it('uses the report\'s own list once it has one, and the coalition\'s changes no longer reach it', async () => {
    const client = connectClient(suite.server.wsUrl, reportId, suite.owner);
    await client.synced;
    addOrganisation(client.doc, 'Roma Rights Centre');
    addOrganisation(client.doc, 'Local Teachers Union');
    await waitFor(async () => (await signOn()).source === 'report');
    client.destroy();
    expect((await signOn()).organisations.map((o) => o.name)).toEqual(['Roma Rights Centre', 'Local Teachers Union']);
    await api(suite.server.url, `/api/coalitions/${coalitionId}`, { as: suite.owner, method: 'PATCH', body: { organisations: ['Another Org'] } });
    expect((await signOn()).organisations.map((o) => o.name)).toEqual(['Roma Rights Centre', 'Local Teachers Union']);
    await patch(editor, { organisation: 'Local Teachers Union', status: 'confirmed' });
    const text = await coverText();
    expect(text).toContain('Local Teachers Union');
    expect(text).not.toContain('Another Org');
  });

  it("lists the sign-on a person confirmed in the download of their data", async () => {
    const mine = await api<{ signOnsConfirmed: { reportId: string; organisation: string }[] }>(suite.server.url, '/api/auth/me/export', { as: editor });
    expect(mine.status).toBe(200);
    expect(mine.body.signOnsConfirmed).toEqual([expect.objectContaining({ reportId, organisation: 'Local Teachers Union' })]);
  });

  it('answers 404 to a stranger reading sign-on', async () => {
    expect((await api(suite.server.url, `/api/reports/${reportId}/sign-on`, { as: stranger })).status).toBe(404);
  });
});
