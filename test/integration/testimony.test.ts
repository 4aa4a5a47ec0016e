/**
 * Testimony and consent end to end, on both storages: a witness's real name and contact are kept on the server
 * for owners and editors only (reviewers and viewers 403, others 404, and never in the report's document); a public
 * export with a committee-only passage is refused (409, listing it) or leaves it out, with every sensitive name
 * replaced, read back by LibreOffice (.docx) and pdftotext (PDF); the .docx properties name nobody; a confidential
 * report carries its marking in the header of every page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { ApiErrorBody } from '../../shared/api/types.ts';
import { roomName } from '../../shared/protocol/rooms.ts';
import { addSection, getSectionBody } from '../../shared/report/layout.ts';
import { setCoverFields } from '../../shared/report/coverFields.ts';
import * as Y from 'yjs';
import { addSensitiveName, addTestimony, listSensitiveNames, listTestimonies } from '../../shared/report/testimony.ts';
import { CONFIDENTIAL_MARKING } from '../../shared/export/model.ts';
import { api, connectClient, createReport, signUp, waitFor, type TestUser } from '../helpers/clients.ts';
import { squash } from '../helpers/office.ts';
import { STORAGE_KINDS } from '../helpers/server.ts';
import { useExportServer } from '../helpers/exportServer.ts';
import { docOf, paragraph, writeBody } from '../helpers/yjsContent.ts';
import type { PmNode } from '../../shared/report/content.ts';

const linked = (text: string, testimony: string): PmNode => ({ type: 'text', text, marks: [{ type: 'testimonyLink', attrs: { testimony } }] });
const FILLER = 'The families describe the eviction, the weeks before it and the months after it, in the same words each time. ';

interface Contacts {
  contacts: { testimonyId: string; realName: string; contact: string; updatedBy: string }[];
}

describe.each(STORAGE_KINDS)('Testimony and consent on %s', (kind) => {
  const suite = useExportServer(kind);
  let editor: TestUser;
  let reviewer: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let reportId: string;
  let committeeWitness: string;

  beforeAll(async () => {
    editor = await signUp(suite.server.url, { name: 'Edna Editor' });
    reviewer = await signUp(suite.server.url);
    viewer = await signUp(suite.server.url);
    stranger = await signUp(suite.server.url);
    reportId = (await createReport(suite.server.url, suite.owner, { title: 'Evictions on Rua das Flores', mechanism: 'CESCR', stateUnderReview: 'Freedonia' })).id;
    for (const [who, role] of [[editor, 'editor'], [reviewer, 'reviewer'], [viewer, 'viewer']] as const) {
      expect((await api(suite.server.url, `/api/reports/${reportId}/members`, { as: suite.owner, body: { email: who.email, role } })).status).toBe(201);
    }
    const client = connectClient(suite.server.wsUrl, roomName(reportId), suite.owner);
    try {
      await client.synced;
      const doc = client.doc;
      const publicWitness = addTestimony(doc, { consent: 'public-anonymised', takenBy: 'Edna', takenOn: '2026-10-01' })!;
      committeeWitness = addTestimony(doc, { consent: 'committee-only', takenBy: 'Edna', takenOn: '2026-10-02' })!;
      addSensitiveName(doc, 'Rua das Flores', 'a street in the northern district');
      addSensitiveName(doc, 'Ana Souza', 'Witness A');
      const section = addSection(doc, { title: 'Forced evictions' });
      writeBody(
        getSectionBody(doc, section)!,
        docOf(
          paragraph('Forty families on Rua das Flores were evicted in March. ', linked('“They came at night,” said Ana Souza.', publicWitness)),
          paragraph(linked('The police officer who led it lives on rua das flores and told us to keep quiet.', committeeWitness)),
          ...Array.from({ length: 40 }, () => paragraph(FILLER.repeat(4))),
        ),
      );
      await waitFor(async () => (await api<{ sections: unknown[] }>(suite.server.url, `/api/reports/${reportId}/content`, { as: suite.owner })).body.sections.length === 1, 10_000, 'the text to reach the server');
    } finally {
      client.destroy();
    }
  });

  const contactsPath = () => `/api/reports/${reportId}/testimony-contacts`;
  const put = (as: TestUser, body: unknown, id = committeeWitness) => api<Contacts['contacts'][number] | ApiErrorBody>(suite.server.url, `${contactsPath()}/${id}`, { as, method: 'PUT', body });

  it('keeps the real name and contact for owners and editors; reviewers and viewers get 403, others 404', async () => {
    expect((await put(suite.owner, { realName: 'Maria da Silva', contact: '+351 900 000 001' })).status).toBe(200);
    const asEditor = await api<Contacts>(suite.server.url, contactsPath(), { as: editor });
    expect(asEditor.status).toBe(200);
    expect(asEditor.body.contacts).toEqual([expect.objectContaining({ testimonyId: committeeWitness, realName: 'Maria da Silva', contact: '+351 900 000 001' })]);
    for (const who of [reviewer, viewer]) {
      const res = await api<ApiErrorBody>(suite.server.url, contactsPath(), { as: who });
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('Maria');
      expect((await put(who, { realName: 'Someone', contact: '' })).status).toBe(403);
    }
    expect((await api(suite.server.url, contactsPath(), { as: stranger })).status).toBe(404);
    expect((await put(editor, { realName: 'x'.repeat(201), contact: '' })).status).toBe(400);
    expect((await put(editor, { realName: 7 })).status).toBe(400);
    expect((await put(editor, { realName: 'A' }, 'x'.repeat(65))).status).toBe(404);
  });

  it("never puts the real name in the report's document a viewer receives", async () => {
    const client = connectClient(suite.server.wsUrl, roomName(reportId), viewer);
    try {
      await client.synced;
      // Every byte of the document as the server sent it to the viewer.
      const everything = Buffer.from(Y.encodeStateAsUpdate(client.doc)).toString('utf8');
      expect(listTestimonies(client.doc).map((t) => t.pseudonym)).toEqual(['Witness A', 'Witness B']);
      expect(everything).toContain('Witness B');
      expect(everything).not.toContain('Maria da Silva');
      expect(everything).not.toContain('+351');
      expect(listSensitiveNames(client.doc)).toHaveLength(2);
    } finally {
      client.destroy();
    }
  });

  it('refuses a public export that holds a committee-only passage, saying which and why', async () => {
    const res = await api<ApiErrorBody>(suite.server.url, `/api/reports/${reportId}/export?format=docx&audience=public`, { as: viewer });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('consent_blocked');
    expect(res.body.error.message).toContain('Witness B in “Forced evictions”');
    expect(res.body.error.message).toContain('committee only, confidential');
    const bad = await api<ApiErrorBody>(suite.server.url, `/api/reports/${reportId}/export?format=docx&audience=everyone`, { as: viewer });
    expect(bad.status).toBe(400);
  });

  const exported = async (query: string) => {
    const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?${query}`, { headers: { cookie: viewer.cookie } });
    expect(res.status).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };

  it('leaves the committee-only passage out of a public .docx and replaces every sensitive name (LibreOffice)', async () => {
    const bytes = await exported('format=docx&audience=public&onConsent=leave-out&annex=false');
    const text = squash(await suite.office.docxText(bytes));
    expect(text).toContain('Forty families on a street in the northern district were evicted in March.');
    expect(text).toContain('said Witness A.');
    expect(text).toContain('Evictions on a street in the northern district');
    expect(text).not.toMatch(/police officer|Rua das Flores|Ana Souza/i);
    const core = strFromU8(unzipSync(bytes)['docProps/core.xml']!);
    for (const person of [suite.owner.name, suite.owner.email, editor.name, 'Maria da Silva', 'Un-named']) expect(core).not.toContain(person);
    expect(core).not.toContain('Rua das Flores');
  });

  it('leaves it out of a public PDF too (pdftotext), whose document information names nobody', async () => {
    const bytes = await exported('format=pdf&audience=public&onConsent=leave-out');
    const text = squash(await suite.office.pdfText(bytes));
    expect(text).toContain('Forty families on a street in the northern district were evicted in March.');
    expect(text).not.toMatch(/police officer|Rua das Flores|Ana Souza/i);
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/Author/);
  });

  it('keeps it in an export for the committee, with the confidential marking on every page of the .docx and the PDF', async () => {
    const pdf = await exported('format=pdf&audience=committee');
    const pdfPages = (await suite.office.pdfText(pdf)).split('\f').filter((p) => p.trim());
    expect(squash(pdfPages.join(' '))).toContain('The police officer who led it lives on a street in the northern district');
    expect(pdfPages.length).toBeGreaterThan(2);
    for (const page of pdfPages) expect(squash(page)).toContain(CONFIDENTIAL_MARKING);

    const docx = await exported('format=docx&audience=committee');
    const docxPages = (await suite.office.pdfText(await suite.office.convert(docx, 'docx', 'pdf'))).split('\f').filter((p) => p.trim());
    expect(docxPages.length).toBeGreaterThan(2);
    for (const page of docxPages) expect(squash(page)).toContain(CONFIDENTIAL_MARKING);
  });

  it('marks every page of a public export of a report marked confidential', async () => {
    const client = connectClient(suite.server.wsUrl, roomName(reportId), suite.owner);
    try {
      await client.synced;
      setCoverFields(client.doc, { confidentiality: 'confidential' });
      await waitFor(async () => {
        const res = await fetch(`${suite.server.url}/api/reports/${reportId}/export?format=pdf&audience=public&onConsent=leave-out`, { headers: { cookie: viewer.cookie } });
        return squash(await suite.office.pdfText(new Uint8Array(await res.arrayBuffer()))).includes(CONFIDENTIAL_MARKING);
      }, 20_000, 'the marking to reach the server');
    } finally {
      client.destroy();
    }
    const pages = (await suite.office.pdfText(await exported('format=pdf&audience=public&onConsent=leave-out'))).split('\f').filter((p) => p.trim());
    for (const page of pages) expect(squash(page)).toContain(CONFIDENTIAL_MARKING);
  });
});
