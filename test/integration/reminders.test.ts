/**
 * Deadline reminders by mail, through a real SMTP server: a week before and a day before, once each, even with
 * two nodes on one PostgreSQL database running the job at the same moment; only to people who can read the
 * report; none without SMTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signUp, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const PUBLIC_URL = 'https://drafts.example.org';

describe('Deadline reminders with two nodes on one PostgreSQL database', () => {
  let storage: TestStorage;
  let nodes: [TestServer, TestServer];
  let smtp: TestSmtp;
  let owner: TestUser;
  let former: { id: string; email: string };
  let reportId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    storage = await createTestStorage('postgres');
    const config = { smtpUrl: smtp.url, mailFrom: 'Rightsdraft <drafts@example.org>', publicUrl: PUBLIC_URL };
    nodes = [await startTestServer(storage, config), await startTestServer(storage, config)];
    owner = await signUp(nodes[0].url, { name: 'Rosa Reminded', email: `rosa-${Date.now()}@coalition.example` });
    const email = `former-${Date.now()}@coalition.example`;
    const made = await nodes[1].auth.signup({ name: 'Fred Former', email, password: 'a long password for Fred' }, { first: false, claim: null });
    former = { id: made.user.id, email };
    reportId = (await createReport(nodes[0].url, owner, { title: 'UPR stakeholder submission', mechanism: 'UPR' })).id;
    // With mail, adding by address always invites by mail (202); a direct grant makes Fred a viewer at once.
    await nodes[0].storage.access.setMember({ reportId, userId: former.id, role: 'viewer', addedAt: new Date().toISOString() });
    expect((await api(nodes[1].url, `/api/reports/${reportId}`, { as: owner, method: 'PATCH', body: { session: 'UPR 48th session', deadline: '2027-03-15' } })).status).toBe(200);
    // Fred loses access before any reminder is due.
    expect((await api(nodes[0].url, `/api/reports/${reportId}/members/${former.id}`, { as: owner, method: 'DELETE' })).status).toBe(204);
  });
  afterAll(async () => {
    for (const n of nodes ?? []) await n.close();
    await smtp?.close();
    await storage?.destroy();
  });

  const round = async (iso: string) => {
    const at = new Date(iso);
    const sent = await Promise.all(nodes.map((n) => n.reminders.run(at)));
    return sent[0]! + sent[1]!;
  };

  it('sends the week reminder once, then the day reminder once, and nothing to someone who lost access', async () => {
    expect(await round('2027-03-01T09:00:00Z')).toBe(0);
    expect(await round('2027-03-10T09:00:00Z')).toBe(1);
    const [week] = await smtp.waitFor(owner.email, 1);
    expect(week!.subject).toBe('Due in a week: UPR stakeholder submission');
    expect(week!.text).toContain('2027-03-15 12:00 (Europe/Zurich)');
    expect(week!.text).toContain(`${PUBLIC_URL}/reports/${reportId}`);
    expect(await round('2027-03-11T09:00:00Z')).toBe(0);
    expect(await round('2027-03-14T12:00:00Z')).toBe(1);
    const mails = await smtp.waitFor(owner.email, 2);
    expect(mails[1]!.subject).toBe('Due tomorrow: UPR stakeholder submission');
    expect(await round('2027-03-15T10:00:00Z')).toBe(0);
    expect(await round('2027-03-16T10:00:00Z')).toBe(0);
    expect(smtp.to(owner.email)).toHaveLength(2);
    expect(smtp.to(former.email)).toEqual([]);
  });

  it('reminds again when the deadline moves', async () => {
    expect((await api(nodes[0].url, `/api/reports/${reportId}`, { as: owner, method: 'PATCH', body: { deadline: '2027-04-01T17:00:00-04:00' } })).status).toBe(200);
    expect(await round('2027-03-26T10:00:00Z')).toBe(1);
    const mails = await smtp.waitFor(owner.email, 3);
    expect(mails[2]!.text).toContain('2027-04-01 17:00 (-04:00)');
  });
});

describe('Without SMTP', () => {
  let storage: TestStorage;
  let server: TestServer;

  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('sends no reminder and keeps answering', async () => {
    const owner = await signUp(server.url);
    const report = await createReport(server.url, owner);
    expect((await api(server.url, `/api/reports/${report.id}`, { as: owner, method: 'PATCH', body: { deadline: '2027-03-15' } })).status).toBe(200);
    expect(await server.reminders.run(new Date('2027-03-14T12:00:00Z'))).toBe(0);
  });
});
