/**
 * The follow-up tracker: a CERD concluding-observations passage pasted into a coalition's tracker becomes tracked
 * recommendations with their paragraph symbols and follow-up deadlines; members log evidence and status per
 * place; who may read and write follows the coalition (editors and managers write, reviewers and viewers read,
 * others see nothing); follow-up dates reach the calendar. On both storages.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERD_SAMPLE } from '../../shared/followup/cerdSample.ts';
import type { FollowUpItemWithLog, FollowUpLogEntry } from '../../shared/followup/types.ts';
import { api, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

type Item = FollowUpItemWithLog & { right: 'read' | 'write' };

describe.each(STORAGE_KINDS)('Follow-up tracker on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let manager: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let coalitionId: string;
  let items: Item[];

  async function joinCoalition(role: string): Promise<TestUser> {
    const invite = await api<{ token: string }>(server.url, `/api/coalitions/${coalitionId}/invitations`, { as: manager, body: { role } });
    const user = await signUp(server.url);
    expect((await api(server.url, `/api/invitations/${invite.body.token}/accept`, { as: user, method: 'POST' })).status).toBe(200);
    return user;
  }

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    manager = await signUp(server.url, { name: 'Mona Manager' });
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as: manager, body: { name: 'Cities for CERD' } });
    coalitionId = coalition.body.id;
    editor = await joinCoalition('editor');
    viewer = await joinCoalition('viewer');
    stranger = await signUp(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it("turns a pasted CERD passage into tracked recommendations with the committee's follow-up deadlines", async () => {
    const res = await api<{ items: Item[] }>(server.url, '/api/follow-up/import', {
      as: editor,
      body: { coalitionId, state: 'Freedonia', format: 'treaty-body', text: CERD_SAMPLE },
    });
    expect(res.status).toBe(201);
    expect(res.body.items.map((i) => [i.documentSymbol, i.paragraph, i.topic, i.followUpDue, i.mechanism])).toEqual([
      ['CERD/C/FRE/CO/10-12', '21', 'Racial profiling', '2023-08-30', 'CERD'],
      ['CERD/C/FRE/CO/10-12', '35', 'Segregation in housing', '2023-08-30', 'CERD'],
      ['CERD/C/FRE/CO/10-12', '40', 'Education', null, 'CERD'],
    ]);
    expect(res.body.items[0]!.text).toContain('(b) Publish each year data on stops and searches');
    const listed = await api<{ items: Item[] }>(server.url, '/api/follow-up', { as: viewer });
    items = listed.body.items;
    expect(items.map((i) => [i.paragraph, i.right])).toEqual([['21', 'read'], ['35', 'read'], ['40', 'read']]);
  });

  it('keeps a dated log of evidence and status per place', async () => {
    const id = items[0]!.id;
    const log = (as: TestUser, body: unknown) => api<FollowUpLogEntry & { error: { code: string } }>(server.url, `/api/follow-up/${id}/log`, { as, body });
    const springfield = await log(editor, { place: 'Springfield', status: 'in progress', note: 'Police publish stop data since May.', evidenceUrl: 'https://springfield.example/stops', observedOn: '2024-05-02' });
    expect(springfield.status).toBe(201);
    expect(springfield.body).toMatchObject({ place: 'Springfield', status: 'in progress', authorName: editor.name, evidenceUrl: 'https://springfield.example/stops' });
    expect((await log(manager, { place: 'Shelbyville', status: 'no action', observedOn: '2024-05-03' })).status).toBe(201);
    for (const bad of [{ status: 'done', observedOn: '2024-05-03' }, { status: 'implemented', observedOn: '2024-02-30' }, { status: 'implemented', observedOn: '2024-05-03', evidenceUrl: 'javascript:alert(1)' }]) {
      const res = await log(editor, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toMatch(/^invalid_/);
    }
    expect((await log(viewer, { status: 'implemented', observedOn: '2024-05-03' })).status).toBe(403);
    expect((await log(stranger, { status: 'implemented', observedOn: '2024-05-03' })).status).toBe(404);
    const listed = await api<{ items: Item[] }>(server.url, '/api/follow-up', { as: viewer });
    expect(listed.body.items[0]!.log.map((e) => [e.place, e.status, e.observedOn])).toEqual([
      ['Springfield', 'in progress', '2024-05-02'],
      ['Shelbyville', 'no action', '2024-05-03'],
    ]);
  });

  it('shows nothing to people outside the coalition, and lets only writers change or delete', async () => {
    expect((await api<{ items: Item[] }>(server.url, '/api/follow-up', { as: stranger })).body.items).toEqual([]);
    const id = items[2]!.id;
    expect((await api(server.url, `/api/follow-up/${id}`, { as: stranger, method: 'PATCH', body: { followUpDue: '2025-01-01' } })).status).toBe(404);
    expect((await api(server.url, `/api/follow-up/${id}`, { as: viewer, method: 'PATCH', body: { followUpDue: '2025-01-01' } })).status).toBe(403);
    const changed = await api<Item>(server.url, `/api/follow-up/${id}`, { as: editor, method: 'PATCH', body: { followUpDue: '2025-01-01' } });
    expect(changed.body.followUpDue).toBe('2025-01-01');
    expect((await api(server.url, '/api/follow-up/import', { as: viewer, body: { coalitionId, state: 'Freedonia', text: CERD_SAMPLE } })).status).toBe(400);
    expect((await api(server.url, '/api/follow-up/import', { as: stranger, body: { coalitionId, state: 'Freedonia', text: CERD_SAMPLE } })).status).toBe(400);
    expect((await api(server.url, '/api/follow-up/import', { as: editor, body: { coalitionId, state: 'Freedonia', text: 'Nothing numbered here.' } })).status).toBe(400);
  });

  it("reads a UPR Working Group report's recommendation list into one person's own tracker", async () => {
    const paste = `A/HRC/46/15
26. The following recommendations enjoy the support of Freedonia:
26.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);
26.2 Adopt a national action plan against racial discrimination (Brazil) (Ghana).`;
    const res = await api<{ items: Item[] }>(server.url, '/api/follow-up/import', { as: stranger, body: { coalitionId: null, state: 'Freedonia', format: 'upr', text: paste } });
    expect(res.status).toBe(201);
    expect(res.body.items.map((i) => [i.mechanism, i.documentSymbol, i.paragraph, i.text, i.followUpDue])).toEqual([
      ['UPR', 'A/HRC/46/15', '26.1', 'Ratify the Optional Protocol to the Convention against Torture (Denmark)', null],
      ['UPR', 'A/HRC/46/15', '26.2', 'Adopt a national action plan against racial discrimination (Brazil, Ghana)', null],
    ]);
    // Only its owner sees a personal tracker.
    expect((await api<{ items: Item[] }>(server.url, '/api/follow-up', { as: stranger })).body.items.map((i) => i.right)).toEqual(['write', 'write']);
    expect((await api<{ items: Item[] }>(server.url, '/api/follow-up', { as: viewer })).body.items.every((i) => i.mechanism === 'CERD')).toBe(true);
    // The person's data export holds their own tracker.
    const exported = await api<{ followUpTracked: { paragraph: string }[] }>(server.url, '/api/auth/me/export', { as: stranger });
    expect(exported.body.followUpTracked.map((i) => i.paragraph)).toEqual(['26.1', '26.2']);
    for (const i of res.body.items) expect((await api(server.url, `/api/follow-up/${i.id}`, { as: stranger, method: 'DELETE' })).status).toBe(204);
  });

  it("puts follow-up dates in the calendar of everyone who may read them, at 12:00 Geneva time", async () => {
    const url = (await api<{ url: string }>(server.url, '/api/calendar', { as: viewer })).body.url;
    const calendar = new ICAL.Component(ICAL.parse(await (await fetch(url)).text()) as unknown[]);
    const starts = calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return [e.summary, e.startDate.toJSDate().toISOString()];
    });
    expect(starts).toEqual([
      ['Follow-up: CERD/C/FRE/CO/10-12 para 21', '2023-08-30T10:00:00.000Z'],
      ['Follow-up: CERD/C/FRE/CO/10-12 para 35', '2023-08-30T10:00:00.000Z'],
      ['Follow-up: CERD/C/FRE/CO/10-12 para 40', '2025-01-01T11:00:00.000Z'],
    ]);
    const strangerUrl = (await api<{ url: string }>(server.url, '/api/calendar', { as: stranger })).body.url;
    expect(await (await fetch(strangerUrl)).text()).not.toContain('CERD/C/FRE');
  });
});
