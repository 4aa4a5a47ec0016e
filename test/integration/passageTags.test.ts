/**
 * Passage tags end to end, on both storages: a stock y-websocket client tags a few words of a paragraph (the
 * `passageTag` mark, as the editor writes it) and a recommendation block; the content API lists the passage,
 * GET /coverage counts it (and a tagged empty section as "tagged, not written"), and the Word export lists the
 * passage tag in the tag annex, read back by LibreOffice, while the body text shows no tag.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoverageResponse } from '../../shared/api/types.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, api, waitFor } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { docOf, paragraph, recommendation, writeBody } from '../helpers/yjsContent.ts';

const tagged = (text: string, ...tags: string[]) => ({ type: 'text', text, marks: tags.map((tag) => ({ type: 'passageTag', attrs: { tag } })) });

describe.each(STORAGE_KINDS)('Passage tags on %s', (kind) => {
  const suite = useExportServer(kind);
  let reportId: string;

  beforeAll(async () => {
    reportId = (await createReport(suite.server.url, suite.owner, { title: 'Evictions', mechanism: 'CERD', stateUnderReview: 'Freedonia' })).id;
  });

  it('counts a passage tag written by a y-websocket client in GET /coverage, and lists it in the content API', async () => {
    const before = await api<CoverageResponse>(suite.server.url, `/api/reports/${reportId}/coverage`, { as: suite.owner });
    expect(before.body.articles.addressed).toBe(0);

    const client = connectClient(suite.server.wsUrl, roomName(reportId), suite.owner);
    try {
      await client.synced;
      const situation = addSection(client.doc, { title: 'Situation of Roma families' });
      writeBody(
        getSectionBody(client.doc, situation)!,
        docOf(
          paragraph('In 2024, ', tagged('forty Roma families were evicted', 'ICERD:5(e)(iii)', 'SDG:11.1'), ' from the Sunflower settlement.'),
          recommendation('Stop forced evictions and offer adequate alternative housing.', { tags: ['ICERD:2'] }),
        ),
      );
      addSection(client.doc, { title: 'Education', tags: ['ICERD:7'] });
      await waitFor(async () => (await getContent(suite.server.url, suite.owner, reportId)).sections.length === 2, 10_000, 'the edit to reach the server');
    } finally {
      client.destroy();
    }

    const content = await getContent(suite.server.url, suite.owner, reportId);
    expect(content.sections[0]!.passageTags).toEqual([
      { tag: 'ICERD:5(e)(iii)', text: 'forty Roma families were evicted' },
      { tag: 'SDG:11.1', text: 'forty Roma families were evicted' },
    ]);
    expect(content.sections[0]!.text).toContain('In 2024, forty Roma families were evicted from the Sunflower settlement.');

    const after = await api<CoverageResponse>(suite.server.url, `/api/reports/${reportId}/coverage`, { as: suite.owner });
    expect(after.status).toBe(200);
    const addressed = after.body.articles.items.filter((i) => i.addressedBy.length > 0).map((i) => i.id);
    expect(addressed).toEqual(['ICERD:2', 'ICERD:5']);
    expect(after.body.sdgs.items.find((i) => i.id === 'SDG:11')!.addressedBy.map((s) => s.title)).toEqual(['Situation of Roma families']);
    expect(after.body.articles.items.find((i) => i.id === 'ICERD:7')!).toMatchObject({ addressedBy: [], taggedNotWritten: [{ title: 'Education' }] });
  });

  it('searches with the report\'s mechanism: "housing" offers ICERD 5(e)(iii) first for CERD; an unknown mechanism is a 400', async () => {
    const cerd = await api<{ results: { id: string; label: string }[] }>(suite.server.url, '/api/taxonomy/search?q=housing&mechanism=CERD', { as: suite.owner });
    expect(cerd.status).toBe(200);
    expect(cerd.body.results[0]).toMatchObject({ id: 'ICERD:5(e)(iii)', label: 'ICERD article 5(e)(iii)' });
    const bad = await api<{ error: { code: string } }>(suite.server.url, '/api/taxonomy/search?q=housing&mechanism=NOPE', { as: suite.owner });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_field');
  });

  it('lists the passage tag in the Word export\'s tag annex and nowhere in the body text', async () => {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=docx`, { headers: { cookie: suite.owner.cookie } });
    expect(res.status).toBe(200);
    const text = squash((await suite.office.readDocx(new Uint8Array(await res.arrayBuffer()))).text);
    expect(text).toContain('In 2024, forty Roma families were evicted from the Sunflower settlement.');
    const annexAt = text.lastIndexOf('Situation of Roma families');
    expect(annexAt).toBeGreaterThan(text.indexOf('from the Sunflower settlement'));
    const annex = text.slice(annexAt);
    expect(annex).toContain('ICERD article 5(e)(iii): passage “forty Roma families were evicted”');
    expect(annex).toContain('SDG target 11.1: passage “forty Roma families were evicted”');
    expect(text.slice(0, annexAt)).not.toContain('5(e)(iii)');
  });
});
