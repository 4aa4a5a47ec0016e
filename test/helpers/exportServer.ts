/**
 * For tests that export reports and read the files back: a server on a fresh storage of the given kind,
 * LibreOffice and poppler (test/helpers/office.ts), and an owner signed up. `useExportServer` registers
 * beforeAll/afterAll in the calling describe and returns an object whose fields are filled in beforeAll.
 */
import { afterAll, beforeAll } from 'vitest';
import { signUp, type TestUser } from './clients.ts';
import { createOffice, type Office } from './office.ts';
import { createTestStorage, startTestServer, type StorageKind, type TestServer, type TestStorage } from './server.ts';

export interface ExportServer {
  storage: TestStorage;
  server: TestServer;
  office: Office;
  owner: TestUser;
}

export function useExportServer(kind: StorageKind): ExportServer {
  const s = {} as ExportServer;
  beforeAll(async () => {
    s.storage = await createTestStorage(kind);
    s.server = await startTestServer(s.storage);
    s.office = createOffice();
    s.owner = await signUp(s.server.url);
  });
  afterAll(async () => {
    s.office?.dispose();
    await s.server?.close();
    await s.storage?.destroy();
  });
  return s;
}
