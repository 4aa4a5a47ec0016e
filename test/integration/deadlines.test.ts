/**
 * Deadlines and calendars: PATCH /api/reports/:id { session, deadline } (validated, role-checked, written into
 * the document's cover, which stays the one source of truth), the report list and /api/deadlines, and the private
 * calendar feed: it parses with ical.js and holds each deadline at the right instant (12:00 Geneva time in winter
 * and in summer), a new address invalidates the old one, and it reveals nothing of a report once access is gone
 * or the account is disabled. On both storages.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCoverFields, setCoverFields } from '../../shared/report/coverFields.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';

interface Deadline {
  date: string;
  time: string;
  zone: string;
  at: string;
}
interface Report {
  id: string;
  title: string;
  session: string;
  deadline: Deadline | null;
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function events(ics: string): { uid: string; summary: string; start: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate().toISOString() };
  });
}

describe.each(STORAGE_KINDS)('Deadlines and calendar feeds on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let winter: Report;
  let summer: Report;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    owner = await signUp(server.url, { name: 'Olga Owner' });
    editor = await signUp(server.url);
    viewer = await signUp(server.url);
    stranger = await signUp(server.url);
    winter = (await createReport(server.url, owner, { title: 'UPR winter submission', mechanism: 'UPR' })) as unknown as Report;
    summer = (await createReport(server.url, owner, { title: 'CERD summer report' })) as unknown as Report;
    for (const [who, role] of [[editor, 'editor'], [viewer, 'viewer']] as const) {
      for (const r of [winter, summer]) expect((await api(server.url, `/api/reports/${r.id}/members`, { as: owner, body: { email: who.email, role } })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  const patch = (id: string, as: TestUser, body: unknown) => api<Report & ErrorBody>(server.url, `/api/reports/${id}`, { as, method: 'PATCH', body });

  it('refuses bad deadlines and sessions with 400 JSON errors', async () => {
    for (const body of [
      { deadline: '2027-02-30' },
      { deadline: '2027-03-15T12:00' },
      { deadline: 'next Friday' },
      { deadline: 20270315 },
      { deadline: '2027-03-15T12:00[Mars/Olympus]' },
      { deadline: '2027-07-15T12:00+01:00[Europe/Zurich]' },
      { session: 'x'.repeat(201) },
      { title: 'Renamed' },
      {},
    ]) {
      const res = await patch(winter.id, editor, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(typeof res.body.error.code).toBe('string');
      expect(typeof res.body.error.message).toBe('string');
    }
    const notJson = await api<ErrorBody>(server.url, `/api/reports/${winter.id}`, { as: editor, method: 'PATCH', body: '{"deadline":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBeTruthy();
  });

  it('lets owners and editors set them; viewers get 403 and others 404', async () => {
    expect((await patch(winter.id, viewer, { deadline: '2027-01-20' })).status).toBe(403);
    expect((await patch(winter.id, stranger, { deadline: '2027-01-20' })).status).toBe(404);
    const set = await patch(winter.id, editor, { session: 'UPR 4th cycle, 48th session', deadline: '2027-01-20' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: winter.id, session: 'UPR 4th cycle, 48th session', deadline: { date: '2027-01-20', time: '12:00', zone: 'Europe/Zurich', at: '2027-01-20T11:00:00.000Z' } });
    const geneva = await patch(summer.id, owner, { deadline: '2027-07-05T12:00[Europe/Geneva]' });
    expect(geneva.body.deadline).toMatchObject({ zone: 'Europe/Zurich', at: '2027-07-05T10:00:00.000Z' });
  });

  it('writes the deadline into the cover, and a change on the cover reaches the list', async () => {
    const client = connectClient(server.wsUrl, winter.id, editor);
    await client.synced;
    expect(getCoverFields(client.doc)).toMatchObject({ session: 'UPR 4th cycle, 48th session', deadline: '2027-01-20' });
    // The cover form changes the date only: the time and zone stay (12:00 Geneva time).
    setCoverFields(client.doc, { deadline: '2027-01-27' });
    await waitFor(async () => {
      const list = await api<{ reports: Report[] }>(server.url, '/api/reports', { as: viewer });
      return list.body.reports.find((r) => r.id === winter.id)?.deadline?.at === '2027-01-27T11:00:00.000Z';
    }, 10_000, 'the list shows the cover change');
    client.destroy();
    const deadlines = await api<{ deadlines: { key: string; deadline: Deadline }[] }>(server.url, '/api/deadlines', { as: viewer });
    expect(deadlines.body.deadlines.map((d) => [d.key, d.deadline.at])).toEqual([
      [`report:${winter.id}`, '2027-01-27T11:00:00.000Z'],
      [`report:${summer.id}`, '2027-07-05T10:00:00.000Z'],
    ]);
  });

  it('gives each person a private feed that parses and holds each deadline at its instant', async () => {
    const first = await api<{ url: string; createdAt: string }>(server.url, '/api/calendar', { as: viewer });
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is kept: later calls say the feed exists without its address.
    const again = await api<{ url: string | null; createdAt: string }>(server.url, '/api/calendar', { as: viewer });
    expect(again.body).toEqual({ url: null, createdAt: first.body.createdAt });
    const feed = await fetch(first.body.url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const listed = events(await feed.text());
    expect(listed).toEqual([
      { uid: `report:${winter.id}@rightsdraft`, summary: 'Deadline: UPR winter submission', start: '2027-01-27T11:00:00.000Z' },
      { uid: `report:${summer.id}@rightsdraft`, summary: 'Deadline: CERD summer report', start: '2027-07-05T10:00:00.000Z' },
    ]);
    expect((await fetch(first.body.url.replace(/\.ics$/, 'x.ics'))).status).toBe(404);
  });

  it('makes a new address on request, and the old one answers 404', async () => {
    const made = await api<{ url: string | null }>(server.url, '/api/calendar', { as: editor });
    const old = made.body.url!;
    expect((await fetch(old)).status).toBe(200);
    const fresh = await api<{ url: string }>(server.url, '/api/calendar/regenerate', { as: editor, method: 'POST' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.url).not.toBe(old);
    expect((await fetch(old)).status).toBe(404);
    expect((await fetch(fresh.body.url)).status).toBe(200);
  });

  it('reveals nothing of a report once access to it is removed, and nothing at all for a disabled account', async () => {
    const url = (await api<{ url: string }>(server.url, '/api/calendar/regenerate', { as: viewer, method: 'POST' })).body.url;
    expect(await (await fetch(url)).text()).toContain('CERD summer report');
    expect((await api(server.url, `/api/reports/${summer.id}/members/${viewer.id}`, { as: owner, method: 'DELETE' })).status).toBe(204);
    const after = await (await fetch(url)).text();
    expect(after).not.toContain('CERD summer report');
    expect(after).not.toContain(summer.id);
    expect(events(after).map((e) => e.summary)).toEqual(['Deadline: UPR winter submission']);
    // A report in the trash leaves the feed as well.
    expect((await api(server.url, `/api/reports/${winter.id}`, { as: owner, method: 'DELETE' })).status).toBe(200);
    expect(events(await (await fetch(url)).text())).toEqual([]);
    expect((await api(server.url, `/api/reports/${winter.id}/undelete`, { as: owner, method: 'POST' })).status).toBe(200);
    // The administrator turns the account off: the feed is gone.
    expect((await api(server.url, `/api/admin/users/${viewer.id}`, { as: owner, method: 'PATCH', body: { disabled: true } })).status).toBe(200);
    const disabled = await fetch(url);
    expect(disabled.status).toBe(404);
    expect(await disabled.text()).not.toContain('UPR');
  });
});
