/**
 * Helpers for the export, import and footnote browser tests: a signed-in browser context (an account made through
 * the API, its session cookie given to the context) and a report seeded through the stock sync client.
 */
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { addSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { anchorAt, linearize } from '../../shared/discussion/anchors.ts';
import { createSuggestion, listSuggestions } from '../../shared/discussion/layout.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { editorExtensions } from '../../shared/schema/extensions.ts';
import type { ReportSummary } from '../../shared/api/types.ts';
import type { Mechanism } from '../../shared/api/mechanisms.ts';
import { connectClient, createReport, getContent, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { writeSampleReport } from '../helpers/sampleReport.ts';
import type { TestServer } from '../helpers/server.ts';
import { addSession, newProfile, WAIT_MS, type UserPage } from './support.ts';

export interface SignedInPage extends UserPage {
  account: TestUser;
}

/** A fresh browser profile signed in as a new account, or as `existing` (name chosen, so no dialog stands in the way). */
export async function openSignedIn(browser: Browser, server: TestServer, viewport = { width: 1280, height: 800 }, existing?: TestUser): Promise<SignedInPage> {
  const account = existing ?? (await signUp(server.url, { name: 'Amina Diallo' }));
  const user = await newProfile(browser, { color: '#1f5fa8' }, viewport);
  await addSession(user.context, server.url, account);
  return { ...user, account };
}

/** A report made through the API with the shared sample content (three sections, three notes, cover fields). */
export async function seedSampleReport(
  server: TestServer,
  account: TestUser,
  fields: { title: string; mechanism: Mechanism; stateUnderReview: string },
): Promise<ReportSummary> {
  const report = await createReport(server.url, account, fields);
  const client = connectClient(server.wsUrl, report.id, account, new Y.Doc());
  await client.synced;
  writeSampleReport(client.doc);
  await waitFor(async () => (await getContent(server.url, account, report.id)).sections.length === 3, WAIT_MS, 'the sample sections on the server');
  client.destroy();
  return report;
}

/** A report made through the API with sections of plain paragraphs. */
export async function seedReport(
  server: TestServer,
  account: TestUser,
  fields: { title: string; mechanism: Mechanism; stateUnderReview: string },
  sections: { title: string; paragraphs: string[] }[],
): Promise<ReportSummary> {
  const schema = getSchema(editorExtensions());
  const report = await createReport(server.url, account, fields);
  const client = connectClient(server.wsUrl, report.id, account, new Y.Doc());
  await client.synced;
  for (const section of sections) {
    const id = addSection(client.doc, { title: section.title });
    const content = section.paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] }));
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, getSectionBody(client.doc, id)!);
  }
  await waitFor(async () => (await getContent(server.url, account, report.id)).sections.length === sections.length, WAIT_MS, 'the sections on the server');
  client.destroy();
  return report;
}

/** The numbers shown on the footnote markers of the open section, in order. */
export function markerNumbers(page: Page): Promise<string[]> {
  return page.locator('.prose [data-testid="footnote-ref"]').allInnerTexts();
}

/** Open a section by its title in the outline (a drawer opened from the header on small screens). */
export async function openSection(page: Page, title: string): Promise<void> {
  const toggle = page.locator('.outline-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.locator('[data-testid="outline-item"]').filter({ hasText: title }).locator('.outline-item__select').click();
  await page.locator('#section-heading', { hasText: title }).waitFor();
}

/**
 * Put the caret at the start or end of the open section's text and wait until the editor has read it: ProseMirror
 * takes a caret moved by the browser from the next selectionchange event, so a shortcut pressed at once could
 * still act at the old place.
 */
export async function placeCaret(page: Page, where: 'start' | 'end'): Promise<void> {
  await page.locator('.prose').click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await page.waitForFunction((at) => {
    const editor = (document.querySelector('.prose') as unknown as { editor?: { state: { selection: { from: number; $from: { parentOffset: number; parent: { content: { size: number } } } }; doc: { content: { size: number } } } } }).editor;
    if (!editor) return false;
    const { selection, doc } = editor.state;
    return at === 'start' ? selection.from === 1 : selection.from >= doc.content.size - 2 && selection.$from.parentOffset === selection.$from.parent.content.size;
  }, where);
}

/** Suggest replacing the first `find` in a report's first section with `replace`, as an open suggestion. */
export async function suggestReplacement(server: TestServer, account: TestUser, reportId: string, find: string, replace: string): Promise<void> {
  const content = connectClient(server.wsUrl, reportId, account, new Y.Doc());
  const discussion = connectClient(server.wsUrl, roomName(reportId, 'discussion'), account, new Y.Doc());
  await Promise.all([content.synced, discussion.synced]);
  const sectionId = listSections(content.doc)[0]!.id;
  const body = getSectionBody(content.doc, sectionId)!;
  const at = linearize(body).text.indexOf(find);
  if (at < 0) throw new Error(`"${find}" is not in the first section`);
  createSuggestion(discussion.doc, { id: account.id, name: account.name }, { sectionId, anchor: anchorAt(body, at, at + find.length), originalText: find, insertText: replace });
  const check = connectClient(server.wsUrl, roomName(reportId, 'discussion'), account, new Y.Doc());
  await check.synced;
  await waitFor(() => listSuggestions(check.doc).length > 0, WAIT_MS, 'the suggestion on the server');
  for (const c of [content, discussion, check]) c.destroy();
}
