/**
 * E-mail as people meet it, through a real SMTP server on 127.0.0.1: password reset by mail (one use, an hour,
 * every session ended), sign-up and adding a member that no longer tell whether an address has an account,
 * the digest of @mentions and replies, and the security notices. Without SMTP configured the app keeps
 * answering as before.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorAt } from '../../shared/discussion/anchors.ts';
import { createThread, reply } from '../../shared/discussion/layout.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { hashSecret } from '../../server/src/auth/tokens.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, STORAGE_KINDS, type TestServer, type TestStorage } from '../helpers/server.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';

const PUBLIC_URL = 'https://drafts.example.org';

function mailConfig(smtp: TestSmtp) {
  return { smtpUrl: smtp.url, mailFrom: 'Rightsdraft <drafts@example.org>', publicUrl: PUBLIC_URL };
}

function tokenOf(link: string): string {
  return new URL(link).hash.replace(/^#/, '').split('&').find((p) => p.startsWith('token='))!.slice('token='.length);
}

/** An account that exists already (made on the server, as an earlier sign-up would have). */
async function existingAccount(server: TestServer, name: string): Promise<TestUser> {
  const email = address(name.toLowerCase().replace(/\s+/g, '-'));
  const password = `a long password for ${name}`;
  const { user, token } = await server.auth.signup({ name, email, password }, { first: false, claim: null });
  return { id: user.id, email, name, password, cookie: `rd_session=${token}` };
}

/** A section with this text in the report (written by `as`), and an anchor on the whole text for a thread. */
async function anchoredText(server: TestServer, as: TestUser, reportId: string, text: string) {
  const content = connectClient(server.wsUrl, reportId, as);
  await content.synced;
  const sectionId = addSection(content.doc, { title: 'Findings' });
  typeParagraph(content.doc, sectionId, text);
  const anchor = anchorAt(getSectionBody(content.doc, sectionId)!, 0, text.length);
  await waitFor(async () => (await server.storage.documentStats(roomName(reportId))).rows > 1, 10_000, 'section stored');
  content.destroy();
  return { sectionId, anchor, quote: text };
}

let counter = 0;
const address = (what: string) => `${what}-${++counter}-${Math.random().toString(36).slice(2, 7)}@coalition.example`;

/** Sign up through the mail flow: 202, then the confirmation link from the mail, then the account. */
async function signUpByMail(server: TestServer, smtp: TestSmtp, name: string): Promise<TestUser> {
  const email = address(name.toLowerCase().replace(/\s+/g, '-'));
  const password = `a long password for ${name}`;
  const res = await api(server.url, '/api/auth/signup', { body: { name, email, password } });
  expect(res.status).toBe(202);
  const [mail] = await smtp.waitFor(email);
  const done = await api<{ user: { id: string } }>(server.url, '/api/auth/signup/confirm', { body: { token: tokenOf(linkIn(mail!, `${PUBLIC_URL}/confirm-account#`)) } });
  expect(done.status).toBe(201);
  return { id: done.body.user.id, email, name, password, cookie: (done.headers.get('set-cookie') ?? '').match(/rd_session=[^;]+/)![0] };
}

describe.each(STORAGE_KINDS)('E-mail on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let smtp: TestSmtp;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    storage = await createTestStorage(kind);
    server = await startTestServer(storage, mailConfig(smtp));
    // The first account (the administrator) is created at once, as before: there is nobody to enumerate yet.
    admin = await signUp(server.url, { name: 'Ada Admin', email: address('admin') });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
    await storage.destroy();
  });

  it('tells the pages that this instance sends mail', async () => {
    expect((await api(server.url, '/api/auth/first-run')).body).toMatchObject({ firstRun: false, mail: true });
  });

  it('mails a one-use reset link that sets a new password and ends every session of the account', async () => {
    const user = await signUpByMail(server, smtp, 'Rita Reset');
    const stranger = address('nobody');
    const forStranger = await api(server.url, '/api/auth/password-reset', { body: { email: stranger } });
    const forUser = await api(server.url, '/api/auth/password-reset', { body: { email: user.email.toUpperCase() } });
    // The same answer whether or not an account uses the address.
    expect(forStranger.status).toBe(202);
    expect(forUser.status).toBe(202);
    expect(forUser.body).toEqual(forStranger.body);

    const [mail] = await smtp.waitFor(user.email, 2); // the confirmation, then the reset
    const reset = smtp.to(user.email)[1]!;
    expect(mail).toBeDefined();
    expect(reset.subject).toBe('Choose a new Rightsdraft password');
    expect(reset.from).toContain('drafts@example.org');
    const link = linkIn(reset, `${PUBLIC_URL}/reset-password#token=`);
    expect(reset.html).toContain('href="' + link + '"');
    expect(smtp.to(stranger)).toEqual([]);

    // Signed in on a second browser too: both sessions end.
    const second = await api(server.url, '/api/auth/login', { body: { email: user.email, password: user.password } });
    const secondCookie = (second.headers.get('set-cookie') ?? '').match(/rd_session=[^;]+/)![0];
    const token = tokenOf(link);
    const weak = await api<{ error: { code: string; field?: string } }>(server.url, '/api/auth/password-reset/confirm', { body: { token, newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');

    // An open sync connection of the account closes too.
    const report = await createReport(server.url, user, { title: 'Open while the password is reset' });
    const client = connectClient(server.wsUrl, report.id, user);
    await client.synced;
    const closed = client.nextClose();
    const done = await api(server.url, '/api/auth/password-reset/confirm', { body: { token, newPassword: 'a brand new long password' } });
    expect(done.status).toBe(204);
    expect(await closed).toBe(4401);
    client.destroy();
    expect((await api(server.url, '/api/auth/me', { as: user })).status).toBe(401);
    expect((await api(server.url, '/api/auth/me', { headers: { cookie: secondCookie } })).status).toBe(401);
    expect((await api(server.url, '/api/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(401);
    expect((await api(server.url, '/api/auth/login', { body: { email: user.email, password: 'a brand new long password' } })).status).toBe(200);

    const again = await api<{ error: { code: string } }>(server.url, '/api/auth/password-reset/confirm', { body: { token, newPassword: 'yet another long password' } });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link_expired');

    // The owner hears that the password changed.
    const notices = await waitFor(() => smtp.to(user.email).some((m) => m.subject === 'Your Rightsdraft password was changed')).then(() => true);
    expect(notices).toBe(true);
  });

  it('refuses a reset link older than an hour, and keeps only the hash of a token', async () => {
    const user = await signUpByMail(server, smtp, 'Olga Old');
    await api(server.url, '/api/auth/password-reset', { body: { email: user.email } });
    const mails = await smtp.waitFor(user.email, 2);
    const token = tokenOf(linkIn(mails[1]!, `${PUBLIC_URL}/reset-password#`));
    // What the database holds: the hash, never the token.
    const stored = await readResetHashes(storage);
    expect(stored).toContain(hashSecret(token));
    expect(stored).not.toContain(token);
    // A token made two hours ago has expired.
    const old = 'expired-token-' + Math.random().toString(36).slice(2);
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    await server.storage.mail.createPasswordReset({
      tokenHash: hashSecret(old),
      userId: user.id,
      createdAt: new Date(twoHoursAgo).toISOString(),
      expiresAt: new Date(twoHoursAgo + 3600_000).toISOString(),
    });
    const res = await api<{ error: { code: string } }>(server.url, '/api/auth/password-reset/confirm', { body: { token: old, newPassword: 'a brand new long password' } });
    expect(res.status).toBe(410);
    expect((await api(server.url, '/api/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(200);
  });

  it('answers sign-up the same way for a taken address, and tells its owner by mail', async () => {
    const owner = await existingAccount(server, 'Tara Taken');
    const fresh = address('fresh');
    const taken = await api(server.url, '/api/auth/signup', { body: { name: 'Someone Else', email: owner.email, password: 'some long password here' } });
    const free = await api(server.url, '/api/auth/signup', { body: { name: 'Fresh Person', email: fresh, password: 'some long password here' } });
    expect(taken.status).toBe(202);
    expect(free.status).toBe(202);
    expect(taken.body).toEqual(free.body);
    expect(taken.headers.get('set-cookie')).toBeNull();
    expect(free.headers.get('set-cookie')).toBeNull();
    const [notice] = await smtp.waitFor(owner.email);
    expect(notice!.subject).toBe('Someone tried to create a Rightsdraft account with your address');
    expect(notice!.text).toContain(`${PUBLIC_URL}/forgot-password`);
    const [confirm] = await smtp.waitFor(fresh);
    expect(confirm!.subject).toBe('Confirm your new Rightsdraft account');
    // The taken address's password is unchanged and nobody else got an account with it.
    expect((await api(server.url, '/api/auth/login', { body: { email: owner.email, password: owner.password } })).status).toBe(200);
    expect((await api(server.url, '/api/auth/login', { body: { email: owner.email, password: 'some long password here' } })).status).toBe(401);
    // A confirmation link works once.
    const token = tokenOf(linkIn(confirm!, `${PUBLIC_URL}/confirm-account#`));
    expect((await api(server.url, '/api/auth/signup/confirm', { body: { token } })).status).toBe(201);
    expect((await api(server.url, '/api/auth/signup/confirm', { body: { token } })).status).toBe(410);
  });

  it('answers adding a member the same way for any address, and mails an invitation that grants the role', async () => {
    const owner = await existingAccount(server, 'Omar Owner');
    const known = await existingAccount(server, 'Kim Known');
    const report = await createReport(server.url, owner, { title: 'Shadow report on housing' });
    const unknown = address('unknown');
    const toKnown = await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: known.email, role: 'editor' } });
    const toUnknown = await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: unknown, role: 'editor' } });
    expect(toKnown.status).toBe(202);
    expect(toUnknown.status).toBe(202);
    expect({ ...(toKnown.body as object), email: null }).toEqual({ ...(toUnknown.body as object), email: null });

    const [invitation] = await smtp.waitFor(unknown);
    expect(invitation!.subject).toBe('Omar Owner invited you to a report on Rightsdraft');
    expect(invitation!.text).toContain('Shadow report on housing');
    const token = tokenOf(linkIn(invitation!, `${PUBLIC_URL}/report-invitation#`));
    const lookup = await api<{ report: { title: string }; role: string; invitedBy: string }>(server.url, '/api/report-invitations/lookup', { body: { token } });
    expect(lookup.body).toMatchObject({ report: { title: 'Shadow report on housing' }, role: 'editor', invitedBy: 'Omar Owner' });

    // Nobody is a member until they accept.
    const before = await api<{ members: { email: string }[] }>(server.url, `/api/reports/${report.id}/members`, { as: owner });
    expect(before.body.members.map((m) => m.email)).toEqual([owner.email]);

    const newcomer = await signUpByMail(server, smtp, 'Nia Newcomer');
    expect((await api(server.url, `/api/reports/${report.id}`, { as: newcomer })).status).toBe(404);
    const accepted = await api(server.url, '/api/report-invitations/accept', { as: newcomer, body: { token } });
    expect(accepted.status).toBe(200);
    expect((await api(server.url, `/api/reports/${report.id}`, { as: newcomer })).status).toBe(200);
    expect((await api(server.url, '/api/report-invitations/accept', { as: known, body: { token } })).status).toBe(410);

    // The known address got an invitation too, and becomes a member by accepting it.
    const knownInvitation = (await smtp.waitFor(known.email))[0]!;
    const knownToken = tokenOf(linkIn(knownInvitation, `${PUBLIC_URL}/report-invitation#`));
    expect((await api(server.url, '/api/report-invitations/accept', { as: known, body: { token: knownToken } })).status).toBe(200);
    const after = await api<{ members: { email: string; role: string }[] }>(server.url, `/api/reports/${report.id}/members`, { as: owner });
    expect(after.body.members.map((m) => `${m.email}:${m.role}`).sort()).toEqual(
      [`${owner.email}:owner`, `${known.email}:editor`, `${newcomer.email}:editor`].sort(),
    );
    // A member the owner sees in the list has their role changed at once, without a new invitation.
    const mailsBefore = smtp.to(known.email).length;
    const changed = await api<{ role: string }>(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: known.email, role: 'viewer' } });
    expect(changed.status).toBe(201);
    expect(changed.body.role).toBe('viewer');
    const list = await api<{ members: { email: string; role: string }[] }>(server.url, `/api/reports/${report.id}/members`, { as: owner });
    expect(list.body.members.find((m) => m.email === known.email)?.role).toBe('viewer');
    expect(smtp.to(known.email).length).toBe(mailsBefore);
  });

  it('lets someone invited to a report by mail sign up with the link when sign-up is by invitation, and gives them the role', async () => {
    const owner = await existingAccount(server, 'Ines Inviter');
    const report = await createReport(server.url, owner, { title: 'Report on prisons' });
    const stranger = address('stranger');
    await server.registration.setMode('invite', admin.id);
    try {
      // Without an invitation, sign-up is refused (the same for every address).
      const refused = await api<{ error: { code: string } }>(server.url, '/api/auth/signup', { body: { name: 'Sam Stranger', email: stranger, password: 'a long enough password' } });
      expect(refused.status).toBe(403);
      await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: stranger, role: 'reviewer' } });
      const [invitation] = await smtp.waitFor(stranger);
      const token = tokenOf(linkIn(invitation!, `${PUBLIC_URL}/report-invitation#`));
      const asked = await api(server.url, '/api/auth/signup', {
        body: { name: 'Sam Stranger', email: stranger, password: 'a long enough password', invitation: token, next: `/reports/${report.id}` },
      });
      expect(asked.status).toBe(202);
      const confirm = (await smtp.waitFor(stranger, 2))[1]!;
      const link = linkIn(confirm, `${PUBLIC_URL}/confirm-account#`);
      expect(new URLSearchParams(new URL(link).hash.slice(1)).get('next')).toBe(`/reports/${report.id}`);
      const done = await api<{ user: { id: string } }>(server.url, '/api/auth/signup/confirm', { body: { token: tokenOf(link) } });
      expect(done.status).toBe(201);
      const cookie = (done.headers.get('set-cookie') ?? '').match(/rd_session=[^;]+/)![0];
      const opened = await api<{ role: string }>(server.url, `/api/reports/${report.id}`, { headers: { cookie } });
      expect(opened.status).toBe(200);
      expect(opened.body.role).toBe('reviewer');
      // The invitation was used by the sign-up.
      expect((await api(server.url, '/api/report-invitations/lookup', { body: { token } })).status).toBe(410);
    } finally {
      await server.registration.setMode('open', admin.id);
    }
  });

  it('mails each person one digest of the @mentions of them and replies to their threads, and nothing twice', async () => {
    const owner = await signUpByMail(server, smtp, 'Dina Digest');
    const colleague = await signUpByMail(server, smtp, 'Carl Colleague');
    const report = await createReport(server.url, owner, { title: 'Report on water' });
    await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: colleague.email, role: 'reviewer' } });
    const invite = (await smtp.waitFor(colleague.email, 2))[1]!;
    await api(server.url, '/api/report-invitations/accept', { as: colleague, body: { token: tokenOf(linkIn(invite, `${PUBLIC_URL}/report-invitation#`)) } });

    // The owner starts a thread; the colleague replies twice (once mentioning her) and opens one of their own.
    const ownerClient = connectClient(server.wsUrl, roomName(report.id, 'discussion'), owner);
    const colleagueClient = connectClient(server.wsUrl, roomName(report.id, 'discussion'), colleague);
    await Promise.all([ownerClient.synced, colleagueClient.synced]);
    const anchor = await anchoredText(server, owner, report.id, 'access to clean water');
    const threadId = createThread(ownerClient.doc, { id: owner.id, name: owner.name }, { ...anchor, body: 'Is this figure current?' });
    await waitFor(() => colleagueClient.doc.getMap('threads').has(threadId), 10_000, 'thread reaches the colleague');
    reply(colleagueClient.doc, threadId, { id: colleague.id, name: colleague.name }, 'It is from 2024.');
    reply(colleagueClient.doc, threadId, { id: colleague.id, name: colleague.name }, '@Dina Digest can you check the source?', [owner.id]);
    await waitFor(
      () => server.registry.use(roomName(report.id, 'discussion'), (live) => (live.doc.getMap('threads').get(threadId) as { get(k: string): { length: number } }).get('comments').length === 3),
      10_000,
      'replies reach the server',
    );
    ownerClient.destroy();
    colleagueClient.destroy();

    const before = smtp.to(owner.email).length;
    await server.digest.run(new Date(Date.now() + 1000));
    const digests = (await smtp.waitFor(owner.email, before + 1)).slice(before);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.subject).toBe('2 new comments for you on Rightsdraft');
    expect(digest.text).toContain('Carl Colleague replied in your thread about “access to clean water”');
    expect(digest.text).toContain('Carl Colleague mentioned you');
    expect(digest.text).toContain('can you check the source?');
    expect(digest.text).toContain(`${PUBLIC_URL}/reports/${report.id}`);
    expect(digest.html).toContain('It is from 2024.');
    // The colleague wrote the replies: nothing for them, and no second digest for the same comments.
    const colleagueCount = smtp.to(colleague.email).length;
    expect(await server.digest.run(new Date(Date.now() + 2000))).toBe(0);
    expect(smtp.to(owner.email).length).toBe(before + 1);
    expect(smtp.to(colleague.email).length).toBe(colleagueCount);
  });

  it('tells the owner of a sign-in from a new browser, not from one it has seen', async () => {
    const user = await signUpByMail(server, smtp, 'Nadia Notice');
    const count = () => smtp.to(user.email).filter((m) => m.subject === 'New sign-in to your Rightsdraft account').length;
    // The browser the account was confirmed in is known: signing in there again sends nothing.
    const confirmDevice = user.cookie; // session cookie only; the device cookie comes next
    expect(confirmDevice).toBeTruthy();
    const first = await api(server.url, '/api/auth/login', { body: { email: user.email, password: user.password }, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' } });
    expect(first.status).toBe(200);
    const device = (first.headers.get('set-cookie') ?? '').match(/rd_device=[^;]+/)![0];
    await waitFor(() => count() === 1, 10_000, 'new-device notice');
    const notice = smtp.to(user.email).find((m) => m.subject === 'New sign-in to your Rightsdraft account')!;
    expect(notice.text).toContain('Firefox 140 on Linux');
    expect(notice.text).toContain(`${PUBLIC_URL}/forgot-password`);
    const again = await api(server.url, '/api/auth/login', { body: { email: user.email, password: user.password }, headers: { cookie: device } });
    expect(again.status).toBe(200);
    // Another mail that must come after: when it has arrived, no second notice came before it.
    await api(server.url, '/api/auth/password-reset', { body: { email: user.email } });
    await waitFor(() => smtp.to(user.email).some((m) => m.subject === 'Choose a new Rightsdraft password'), 10_000, 'reset mail');
    expect(count()).toBe(1);
  });

  it('tells the owner by mail when their password is changed from the account page', async () => {
    const user = await signUpByMail(server, smtp, 'Pia Password');
    const res = await api(server.url, '/api/auth/password', {
      body: { currentPassword: user.password, newPassword: 'a brand new long password' },
      headers: { cookie: user.cookie },
    });
    expect(res.status).toBe(204);
    await waitFor(() => smtp.to(user.email).some((m) => m.subject === 'Your Rightsdraft password was changed'), 10_000, 'password-changed notice');
    const notice = smtp.to(user.email).find((m) => m.subject === 'Your Rightsdraft password was changed')!;
    expect(notice.text).toContain(`${PUBLIC_URL}/forgot-password`);
  });

  it('sends one account at most three reset mails an hour, answering every request the same', async () => {
    const user = await existingAccount(server, 'Pat Pestered');
    for (let i = 0; i < 5; i++) {
      const res = await api(server.url, '/api/auth/password-reset', { body: { email: user.email } });
      expect(res.status).toBe(202);
    }
    // Every request has been handled once three mails arrived and two were turned down.
    await smtp.waitFor(user.email, 3);
    await waitFor(() => server.lines.filter((l) => l.includes('password reset asked for too often')).length >= 2, 10_000, 'refusals logged');
    const mails = smtp.to(user.email);
    expect(mails.map((m) => m.subject)).toEqual(Array(3).fill('Choose a new Rightsdraft password'));
    expect(server.lines.filter((l) => l.includes('password reset asked for too often'))).toHaveLength(2);
  });

  it('answers bad input to the mail routes with a 4xx JSON error', async () => {
    const cases: [string, unknown, number, string][] = [
      ['/api/auth/password-reset', { email: 'not an address' }, 400, 'invalid_email'],
      ['/api/auth/password-reset', [], 400, 'invalid_body'],
      ['/api/auth/password-reset/confirm', { newPassword: 'long enough password' }, 400, 'invalid_token'],
      ['/api/auth/password-reset/confirm', { token: 'x'.repeat(500), newPassword: 'long enough password' }, 400, 'invalid_token'],
      ['/api/auth/password-reset/confirm', { token: 'unknown-token', newPassword: 'long enough password' }, 410, 'link_expired'],
      ['/api/auth/signup/confirm', { token: 42 }, 400, 'invalid_token'],
      ['/api/auth/signup/confirm', null, 400, 'invalid_body'],
      ['/api/auth/signup/confirm', { token: 'unknown-token' }, 410, 'link_expired'],
      ['/api/report-invitations/lookup', { token: { a: 1 } }, 400, 'invalid_token'],
      ['/api/report-invitations/lookup', null, 400, 'invalid_body'],
      ['/api/report-invitations/lookup', { token: 'unknown-token' }, 404, 'not_found'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await api<{ error: { code: string; message: string } }>(server.url, path, { body: body === null ? 'null' : body });
      expect({ path, status: res.status, code: res.body.error.code }).toEqual({ path, status, code });
      expect(res.body.error.message).toBeTruthy();
    }
    const broken = await api<{ error: { code: string } }>(server.url, '/api/auth/password-reset', { body: '{"email":' });
    expect(broken.status).toBe(400);
    expect((await api(server.url, '/api/report-invitations/accept', { body: { token: 'x' } })).status).toBe(401);
  });

  it('never logs the SMTP password or a mailed token', async () => {
    const joined = server.lines.join('\n');
    expect(joined).not.toContain(smtp.password);
    for (const m of smtp.mails) {
      for (const word of m.text.split(/\s+/)) if (word.includes('#token=')) expect(joined).not.toContain(tokenOf(word));
    }
  });
});

async function readResetHashes(storage: TestStorage): Promise<string> {
  if (storage.kind === 'postgres') {
    const c = new pg.Client({ connectionString: storage.env.DATABASE_URL });
    await c.connect();
    const rows = (await c.query('SELECT token_hash FROM password_resets')).rows as { token_hash: string }[];
    await c.end();
    return rows.map((r) => r.token_hash).join('\n');
  }
  const dir = storage.env.DATA_DIR!;
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
    .join('\n');
}

describe.each(STORAGE_KINDS)('Without mail configured, on %s', (kind) => {
  let storage: TestStorage;
  let server: TestServer;
  let admin: TestUser;

  beforeAll(async () => {
    storage = await createTestStorage(kind);
    server = await startTestServer(storage);
    admin = await signUp(server.url, { name: 'Ada Admin' });
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });

  it('keeps today’s answers: 202 for a reset request, 409 for a taken address, 400 for adding an unknown one', async () => {
    expect((await api(server.url, '/api/auth/first-run')).body).toMatchObject({ firstRun: false, mail: false });
    const reset = await api(server.url, '/api/auth/password-reset', { body: { email: admin.email } });
    expect(reset.status).toBe(202);
    const taken = await api<{ error: { code: string } }>(server.url, '/api/auth/signup', { body: { name: 'Copy', email: admin.email, password: 'another long password' } });
    expect(taken.status).toBe(409);
    const report = await createReport(server.url, admin);
    const unknown = await api<{ error: { code: string } }>(server.url, `/api/reports/${report.id}/members`, { as: admin, body: { email: 'nobody@example.org', role: 'viewer' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_user');
    const member = await signUp(server.url);
    const added = await api(server.url, `/api/reports/${report.id}/members`, { as: admin, body: { email: member.email, role: 'viewer' } });
    expect(added.status).toBe(201);
  });

  it('lets the operator print a one-use reset link for a person who forgot their password', async () => {
    const person = await signUp(server.url, { name: 'Fay Forgot' });
    const run = (email: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'server/src/resetLink.ts', email],
          { env: { ...process.env, ...storage.env, PUBLIC_URL: 'https://drafts.example.org' } },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
        );
      });
    const unknown = await run('nobody@example.org');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account uses nobody@example.org');
    const printed = await run(person.email);
    expect(printed.code).toBe(0);
    const link = printed.stdout.trim();
    expect(link).toMatch(/^https:\/\/drafts\.example\.org\/reset-password#token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);
    expect((await api(server.url, '/api/auth/password-reset/confirm', { body: { token, newPassword: 'chosen with the operator link' } })).status).toBe(204);
    expect((await api(server.url, '/api/auth/me', { as: person })).status).toBe(401);
    expect((await api(server.url, '/api/auth/login', { body: { email: person.email, password: 'chosen with the operator link' } })).status).toBe(200);
    expect((await api(server.url, '/api/auth/password-reset/confirm', { body: { token, newPassword: 'chosen with the operator link' } })).status).toBe(410);
  });
});

describe('The digest with two nodes on one PostgreSQL database', () => {
  let storage: TestStorage;
  let nodes: TestServer[];
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    storage = await createTestStorage('postgres');
    nodes = [await startTestServer(storage, mailConfig(smtp)), await startTestServer(storage, mailConfig(smtp))];
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await smtp.close();
    await storage.destroy();
  });

  it('sends each comment once even when both nodes run the job at the same moment', async () => {
    const [a, b] = nodes as [TestServer, TestServer];
    const owner = await signUp(a.url, { name: 'Pia Postgres', email: address('pia') });
    const report = await createReport(a.url, owner, { title: 'Two-node report' });
    const writer = await signUpByMail(b, smtp, 'Walt Writer');
    await api(a.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: writer.email, role: 'editor' } });
    const invite = (await smtp.waitFor(writer.email, 2))[1]!;
    expect((await api(b.url, '/api/report-invitations/accept', { as: writer, body: { token: tokenOf(linkIn(invite, `${PUBLIC_URL}/report-invitation#`)) } })).status).toBe(200);
    const anchor = await anchoredText(b, writer, report.id, 'rivers');
    const client = connectClient(b.wsUrl, roomName(report.id, 'discussion'), writer);
    await client.synced;
    createThread(client.doc, { id: writer.id, name: writer.name }, { ...anchor, body: '@Pia Postgres please look', mentions: [owner.id] });
    await waitFor(async () => (await b.storage.documentStats(roomName(report.id, 'discussion'))).rows > 0, 10_000, 'comment stored');
    client.destroy();

    const at = new Date(Date.now() + 1000);
    const sent = await Promise.all([a.digest.run(at), b.digest.run(at)]);
    expect(sent[0]! + sent[1]!).toBe(1);
    const mails = await smtp.waitFor(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('please look');
  });
});
