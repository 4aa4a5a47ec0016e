/**
 * The sign-up page as people meet it under the product's defaults (REGISTRATION=invite): someone reaching a
 * fresh instance from elsewhere is told how its owner sets it up, the owner creates the administrator with the
 * setup link from the log, a stranger is told sign-up is by invitation, and a coalition invitation lets a new
 * person in (and, once sign-up is closed, only lets an existing account join). "Elsewhere" is an X-Forwarded-For address with TRUST_PROXY on (the browser itself is on 127.0.0.1).
 */
import { describe, expect, it } from 'vitest';
import { api } from '../helpers/clients.ts';
import { AMINA, BRUNO, fillSignUp, newProfile, uniqueEmail, useBrowserSuite } from './support.ts';

describe('Signing up under the default registration', () => {
  const suite = useBrowserSuite({ trustProxy: true, registration: 'invite' });

  it('guides a remote first visitor to the setup link, then admits newcomers only by invitation', async () => {
    const { server, browser } = suite;
    const owner = suite.keep(await newProfile(browser, AMINA));
    await owner.context.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.60' });
    await owner.page.goto(server.url + '/');
    await owner.page.waitForURL(/\/signup/);
    await owner.page.getByRole('heading', { name: 'This Rightsdraft is not set up yet' }).waitFor();
    expect(await owner.page.getByText(/one-time setup link the server printed in its log/).isVisible()).toBe(true);
    expect(await owner.page.getByLabel('Password', { exact: true }).count()).toBe(0);

    // The owner reads the link in the server's log and opens it.
    const line = server.lines.find((l) => l.includes('setup link'))!;
    await owner.page.goto((JSON.parse(line) as { setupUrl: string }).setupUrl);
    await owner.page.getByRole('heading', { name: 'Create the first account (administrator) of this Rightsdraft' }).waitFor();
    await fillSignUp(owner.page, AMINA, uniqueEmail(AMINA.email));
    await owner.page.getByRole('button', { name: 'Create the administrator account' }).click();
    await owner.page.getByRole('heading', { name: 'Shadow reports' }).waitFor();

    // A stranger is told how to get in, and given no form.
    const stranger = suite.keep(await newProfile(browser));
    await stranger.context.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.61' });
    await stranger.page.goto(server.url + '/signup');
    await stranger.page.getByRole('heading', { name: 'Sign-up here is by invitation' }).waitFor();
    expect(await stranger.page.getByText(/open the invitation link a coalition coordinator or the administrator/).isVisible()).toBe(true);
    expect(await stranger.page.getByLabel('Password', { exact: true }).count()).toBe(0);

    // A coalition invitation lets a new person create an account and join in one go.
    const cookies = await owner.context.cookies(server.url);
    const session = cookies.find((c) => c.name === 'rd_session')!;
    const as = { id: '', email: '', name: '', password: '', cookie: `rd_session=${session.value}` };
    const coalition = await api<{ id: string }>(server.url, '/api/coalitions', { as, body: { name: 'Freedonia Coalition' } });
    const invite = await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as, body: { role: 'editor' } });
    const newcomer = suite.keep(await newProfile(browser, BRUNO));
    await newcomer.context.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.62' });
    await newcomer.page.goto(`${server.url}/invite/${invite.body.token}`);
    await fillSignUp(newcomer.page, BRUNO, uniqueEmail(BRUNO.email));
    await newcomer.page.getByRole('button', { name: 'Create account and join' }).click();
    await newcomer.page.waitForURL(new RegExp(`/coalitions/${coalition.body.id}$`));
    await newcomer.page.getByRole('heading', { name: 'Freedonia Coalition' }).waitFor();

    // Closed: the invitation page offers only signing in with an existing account.
    expect((await api(server.url, '/api/admin/settings', { as, method: 'PATCH', body: { registration: 'closed' } })).status).toBe(200);
    const later = await api<{ token: string }>(server.url, `/api/coalitions/${coalition.body.id}/invitations`, { as, body: { role: 'viewer' } });
    await stranger.page.goto(`${server.url}/invite/${later.body.token}`);
    await stranger.page.getByText('This Rightsdraft is not taking new accounts: sign in with your account to join.').waitFor();
    expect(await stranger.page.getByLabel('Your name').count()).toBe(0);
    expect(await stranger.page.getByRole('button', { name: 'Sign in and join' }).isVisible()).toBe(true);

    for (const p of [owner, stranger, newcomer]) expect(p.errors).toEqual([]);
  });
});
