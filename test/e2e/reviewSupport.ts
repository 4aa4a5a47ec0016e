/**
 * Browser tests of review (issue 5): signed-up people in their own browser contexts, a report seeded
 * through the stock y-websocket client, and helpers to select text in the editor.
 */
import type { Browser, Page } from 'playwright-core';
import { addSection } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, signUp, type TestUser as ApiUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { typeParagraph } from '../helpers/typing.ts';
import { addSession, eventually, newProfile, type UserPage } from './support.ts';

export interface Person extends UserPage {
  account: ApiUser;
}

/** Sign up through the API and open a browser context carrying the session cookie and a display name. */
export async function person(browser: Browser, server: TestServer, name: string, viewport = { width: 1280, height: 800 }): Promise<Person> {
  const account = await signUp(server.url, { name });
  const opened = await newProfile(browser, { color: '#1f5fa8' }, viewport);
  // tsx (esbuild with keepNames) wraps functions passed to page.evaluate in a `__name` helper the page lacks.
  await opened.context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)');
  await addSession(opened.context, server.url, account);
  return { ...opened, account };
}

export type Role = 'owner' | 'editor' | 'reviewer' | 'viewer';

/** A report owned by `owner` with one section per entry, each holding the given paragraphs. */
export async function seedReport(
  server: TestServer,
  owner: ApiUser,
  sections: { title: string; paragraphs: string[] }[],
  members: { who: ApiUser; role: Role }[] = [],
  title = 'Shadow report on Freedonia',
): Promise<{ id: string; sectionIds: string[] }> {
  const report = await createReport(server.url, owner, { title, mechanism: 'CERD', stateUnderReview: 'Freedonia' });
  for (const m of members) {
    const res = await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: m.who.email, role: m.role } });
    if (res.status !== 201) throw new Error(`granting ${m.role} failed: ${res.status}`);
  }
  const client = connectClient(server.wsUrl, report.id, owner);
  await client.synced;
  const sectionIds = sections.map((s) => {
    const id = addSection(client.doc, { title: s.title });
    for (const p of s.paragraphs) typeParagraph(client.doc, id, p);
    return id;
  });
  await eventually(
    () => getContent(server.url, owner, report.id),
    (c) => c.sections.length === sections.length && c.sections.every((s, i) => s.text === sections[i]!.paragraphs.join('\n')),
    'the seeded report on the server',
  );
  client.destroy();
  return { id: report.id, sectionIds };
}

/** Select `phrase` (its first occurrence, across highlights) in the open section's text, as a mouse drag would. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.locator('.prose').waitFor();
  const ok = await page.evaluate((needle) => {
    const root = document.querySelector('.prose');
    if (!root) return false;
    // Text nodes of the text itself: not co-authors' caret labels, not suggested insertions (widgets).
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('.collaboration-carets__caret, .rd-sugg-ins') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const text = nodes.map((n) => n.data).join('');
    const at = text.indexOf(needle);
    if (at < 0) return false;
    const point = (offset: number, preferEnd: boolean): [Text, number] => {
      let pos = 0;
      for (const n of nodes) {
        const end = pos + n.data.length;
        if (offset < end || (preferEnd && offset === end)) return [n, offset - pos];
        pos = end;
      }
      const last = nodes[nodes.length - 1]!;
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...point(at, false));
    range.setEnd(...point(at + needle.length, true));
    (root as HTMLElement).focus();
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }, phrase);
  if (!ok) throw new Error(`"${phrase}" is not in the editor's text`);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(150);
}

/** Put the caret right after `phrase` in the editor. */
export async function caretAfter(page: Page, phrase: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('ArrowRight');
}
