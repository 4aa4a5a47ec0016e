import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, getSectionBody, listSections } from '../../shared/report/layout.ts';
import { connectClient, createReport, getContent, waitFor } from '../helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../helpers/server.ts';

describe('smoke', () => {
  let storage: TestStorage;
  let server: TestServer;
  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
  });
  afterAll(async () => {
    await server.close();
    await storage.destroy();
  });
  it('two stock clients converge', async () => {
    const report = await createReport(server.url);
    const a = connectClient(server.wsUrl, report.id);
    const b = connectClient(server.wsUrl, report.id);
    await Promise.all([a.synced, b.synced]);
    const id = addSection(a.doc, { title: 'Introduction' });
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Hello world')]);
    getSectionBody(a.doc, id)!.insert(0, [p]);
    await waitFor(() => listSections(b.doc).length === 1);
    const content = await getContent(server.url, report.id);
    expect(content.sections[0]!.text).toBe('Hello world');
    a.destroy();
    b.destroy();
  });
});
