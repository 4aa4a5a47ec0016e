/**
 * The browser's side of encrypted versions, in Node: a saved version is sealed (name inside) under the current key
 * and opens again by name; one signed by a non-writer is unreadable; compare and restore run on Y docs; a restore
 * keeps today's state as a version first and changes nothing when that is refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { generateAccountKeys } from '../../../../shared/e2ee/accountKeys.ts';
import { fromBase64, toBase64 } from '../../../../shared/e2ee/bytes.ts';
import { newReportKey } from '../../../../shared/e2ee/keyWrap.ts';
import { sealVersion } from '../../../../shared/e2ee/versionBlob.ts';
import { reportContent } from '../../../../shared/report/content.ts';
import { addSection, getSectionBody, initReport } from '../../../../shared/report/layout.ts';

const REPORT = '0b7e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const me = generateAccountKeys();
const stranger = generateAccountKeys();
const key = newReportKey();

vi.mock('../../e2ee/deviceKeys.ts', () => ({ loadDeviceKeys: async () => me }));
vi.mock('../../sync/encrypted/tabKeys.ts', () => ({
  loadKeysInTurn: async () => ({
    current: key,
    keys: { generation: 1, keys: new Map([[1, key]]), members: [], writerKey: (_kind: string, id: string) => (id === 'me' ? me.signPublic : null) },
  }),
}));

const { compare, loadVersions, restoreVersion, saveVersion, versionContent } = await import('./encryptedVersions.ts');

function report(text: string): Y.Doc {
  const doc = new Y.Doc();
  initReport(doc, { title: 'T', mechanism: 'CERD', stateUnderReview: 'X', editorSchemaVersion: 1 });
  const id = addSection(doc, { title: 'Intro' });
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  getSectionBody(doc, id)!.insert(0, [p]);
  return doc;
}

const textOf = (doc: Y.Doc) => reportContent(doc).sections.map((s) => s.text).join('\n');

describe('Encrypted versions in the browser', () => {
  let stored: { id: string; data: string; makerId: string }[];
  let refuse: number | null;
  beforeEach(() => {
    stored = [];
    refuse = null;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
      if (init?.method === 'POST') {
        if (refuse) return json(refuse, { error: { code: 'report_full', message: 'full' } });
        const v = { id: `v${stored.length + 1}`, data: (JSON.parse(String(init.body)) as { data: string }).data, makerId: 'me' };
        stored.push(v);
        return json(201, { id: v.id, generation: 1, makerId: 'me', makerName: 'Me', createdAt: new Date().toISOString(), bytes: 1 });
      }
      const id = url.split('/encrypted-versions/')[1];
      const info = (v: (typeof stored)[number]) => ({ id: v.id, generation: 1, makerId: v.makerId, makerName: 'Me', createdAt: '2026-01-01T00:00:00Z', bytes: 1 });
      if (id) return json(200, { ...info(stored.find((v) => v.id === id)!), data: stored.find((v) => v.id === id)!.data });
      return json(200, { versions: stored.map(info) });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('seals a named version that opens again, compares it with now and restores it after keeping today’s state', async () => {
    const live = report('As sent.');
    const discussion = new Y.Doc();
    await saveVersion(REPORT, 'me', 'Sent to OHCHR', live, discussion);
    expect(new TextDecoder('latin1').decode(fromBase64(stored[0]!.data)!)).not.toContain('OHCHR');
    const p = getSectionBody(live, reportContent(live).sections[0]!.id)!.get(0) as Y.XmlElement;
    (p.get(0) as Y.XmlText).insert('As sent.'.length, ' Later.');
    const [version] = await loadVersions(REPORT, 'me');
    expect(version).toMatchObject({ readable: true, name: 'Sent to OHCHR' });
    if (!version?.readable) throw new Error('unreadable');
    expect(versionContent(REPORT, version).sections[0]!.text).toBe('As sent.');
    const diff = compare(version, { now: live });
    expect(diff[0]!.ops.filter((o) => o.kind === 'insert').map((o) => o.text.trim())).toEqual(['Later.']);

    // Refused safety version (the report is full): nothing is restored.
    refuse = 413;
    await expect(restoreVersion(REPORT, 'me', version, { content: live, discussion }, 'Before restoring')).rejects.toThrow();
    expect(textOf(live)).toBe('As sent. Later.');
    refuse = null;
    await restoreVersion(REPORT, 'me', version, { content: live, discussion }, 'Before restoring “Sent to OHCHR”');
    expect(textOf(live)).toBe('As sent.');
    const names = (await loadVersions(REPORT, 'me')).map((v) => (v.readable ? v.name : null));
    expect(names).toEqual(['Sent to OHCHR', 'Before restoring “Sent to OHCHR”']);
  });

  it('lists a version signed by someone who is not a writer as unreadable', async () => {
    const forged = sealVersion({ reportId: REPORT, generation: 1, signer: 'me' }, { name: 'x', content: new Uint8Array([0, 0]), discussion: new Uint8Array([0, 0]) }, key, stranger.signSecret);
    stored.push({ id: 'f', data: toBase64(forged), makerId: 'me' });
    expect(await loadVersions(REPORT, 'me')).toMatchObject([{ id: 'f', readable: false, reason: 'bad-signature' }]);
  });
});
