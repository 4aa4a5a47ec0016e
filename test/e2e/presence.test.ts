/**
 * A viewer whose client announces itself as "Amina Diallo (owner)" is shown in the browser, in the people list and
 * on its caret, under the viewer's own account name and role: the server rewrote the name before relaying it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, signUp, waitFor } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { AMINA, openSignedIn, poll, useBrowserSuite, waitForSyncState } from './support.ts';

describe('Presence in the browser', () => {
  const suite = useBrowserSuite();
  let server: TestServer;
  let browser: Browser;
  beforeAll(() => ({ server, browser } = suite));

  it("shows a viewer claiming to be the owner under the viewer's own name, in the people list and on the caret", async () => {
    const amina = suite.keep(await openSignedIn(browser, server.url, AMINA));
    const vik = await signUp(server.url, { name: 'Vik Petrov' });
    const report = await createReport(server.url, amina.account, { title: 'Detention conditions' });
    await api(server.url, `/api/reports/${report.id}/members`, { as: amina.account, body: { email: vik.email, role: 'viewer' } });
    const writer = connectClient(server.wsUrl, report.id, amina.account);
    await writer.synced;
    const sectionId = addSection(writer.doc, { title: 'Places of detention' });
    typeParagraph(writer.doc, sectionId, 'Cells held four times their capacity.');

    await amina.page.goto(`${server.url}/reports/${report.id}`);
    await waitForSyncState(amina.page, 'synced');
    await poll(() => amina.page.locator('#section-heading').innerText()).toBe('Places of detention');

    const forger = connectClient(server.wsUrl, report.id, vik);
    await forger.synced;
    await waitFor(() => getSectionBody(forger.doc, sectionId) !== null);
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(getSectionBody(forger.doc, sectionId)!, 0));
    forger.provider.awareness.setLocalState({
      user: { name: `${AMINA.name} (owner)`, color: '#b4441b', role: 'owner' },
      section: sectionId,
      cursor: { anchor: at, head: at },
    });

    const dots = amina.page.locator('.report-header [data-testid="peer-dots"]');
    await poll(() => dots.getAttribute('aria-label')).toContain('Vik Petrov');
    expect(await dots.getAttribute('aria-label')).not.toContain('(owner)');
    await dots.click();
    await poll(() => amina.page.getByTestId('people-here').innerText()).toContain('Vik Petrov');
    expect(await amina.page.getByTestId('people-here').innerText()).not.toContain('Owner');
    await poll(() => amina.page.locator('.collaboration-carets__label').allInnerTexts()).toContain('Vik Petrov');
    expect(await amina.page.locator('.collaboration-carets__label').allInnerTexts()).not.toContain(`${AMINA.name} (owner)`);
    expect(amina.errors).toEqual([]);
    for (const c of [writer, forger]) c.destroy();
  });
});
