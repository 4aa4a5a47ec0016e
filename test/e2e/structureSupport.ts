/**
 * A report for suggestions beyond the text (browser tests and screenshots): one section holding a paragraph,
 * a bulleted list, a table and a closing paragraph, written through the stock y-websocket client.
 */
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { api, connectClient, createReport, getContent, type TestUser } from '../helpers/clients.ts';
import type { TestServer } from '../helpers/server.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';
import type { PmNode } from '../../shared/report/content.ts';
import { eventually } from './support.ts';

export const OPENING = 'Evictions rose sharply in 2024.';
export const CLOSING = 'The State must act now.';

const list = (...items: string[]): PmNode => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [paragraph(t)] })) });
const row = (...cells: string[]): PmNode => ({ type: 'tableRow', content: cells.map((t) => ({ type: 'tableCell', content: [paragraph(t)] })) });

export async function seedStructuredReport(server: TestServer, owner: TestUser, reviewer: TestUser): Promise<{ id: string; sectionId: string }> {
  const report = await createReport(server.url, owner, { title: 'Housing in Freedonia', mechanism: 'CERD', stateUnderReview: 'Freedonia' });
  const res = await api(server.url, `/api/reports/${report.id}/members`, { as: owner, body: { email: reviewer.email, role: 'reviewer' } });
  if (res.status !== 201) throw new Error(`granting reviewer failed: ${res.status}`);
  const client = connectClient(server.wsUrl, report.id, owner);
  await client.synced;
  const sectionId = addSection(client.doc, { title: 'Right to housing' });
  writeBody(
    getSectionBody(client.doc, sectionId)!,
    docOf(
      paragraph(OPENING),
      list('Water', 'Schools', 'Clinics'),
      { type: 'table', content: [row('Year', 'Evictions'), row('2023', '41'), row('2024', '57')] },
      paragraph(CLOSING),
    ),
  );
  await eventually(() => getContent(server.url, owner, report.id), (c) => c.sections[0]?.text.includes(CLOSING) === true, 'the seeded report on the server');
  client.destroy();
  return { id: report.id, sectionId };
}
