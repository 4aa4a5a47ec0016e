/**
 * What screen readers hear without looking: a co-author opening the section one is in is announced once in a
 * polite live region ("… joined this section"), in the interface language; the people already there when the
 * section opened are not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addSection } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, signUp } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { AMINA, openSignedIn, poll, useBrowserSuite, waitForSyncState } from './support.ts';

describe('Live announcements', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it('announces a collaborator joining the open section, once', async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const bruno = await signUp(server.url, { name: 'Bruno Costa' });
    const report = await createReport(server.url, amina.account, { title: 'Detention conditions' });
    await api(server.url, `/api/reports/${report.id}/members`, { as: amina.account, body: { email: bruno.email, role: 'editor' } });
    const writer = connectClient(server.wsUrl, report.id, amina.account);
    await writer.synced;
    const sectionId = addSection(writer.doc, { title: 'Places of detention' });
    typeParagraph(writer.doc, sectionId, 'Cells held four times their capacity.');

    await amina.page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(amina.page, 'synced');
    await poll(() => amina.page.locator('#section-heading').innerText()).toBe('Places of detention');
    const announcer = amina.page.getByTestId('peer-join-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    expect(await announcer.innerText()).toBe('');

    const other = connectClient(server.wsUrl, report.id, bruno);
    await other.synced;
    other.provider.awareness.setLocalState({ user: { name: 'Bruno Costa', color: '#a23a8c', role: 'editor' }, section: sectionId });
    await poll(() => announcer.innerText()).toBe('Bruno Costa joined this section');
    expect(amina.errors).toEqual([]);
    for (const c of [writer, other]) c.destroy();
  });
});
