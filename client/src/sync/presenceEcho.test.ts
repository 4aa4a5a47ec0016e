/**
 * On a real server with stock providers: a provider kept to its own presence sends nothing when others move
 * their carets, where the stock provider sends each of their moves back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createReport, signUp, waitFor, type TestClient, type TestUser } from '../../../test/helpers/clients.ts';
import { createTestStorage, startTestServer, type TestServer, type TestStorage } from '../../../test/helpers/server.ts';
import { sendOwnPresenceOnly } from './presenceEcho.ts';

const AWARENESS = 1;

/** Count the presence frames a provider sends from now on. */
function countPresenceSent(client: TestClient): () => number {
  const ws = client.provider.ws!;
  const send = ws.send.bind(ws);
  let count = 0;
  ws.send = (data: Parameters<WebSocket['send']>[0]) => {
    if (data instanceof Uint8Array && data[0] === AWARENESS) count++;
    send(data);
  };
  return () => count;
}

describe('presence sent by a provider', () => {
  let storage: TestStorage;
  let server: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    storage = await createTestStorage('sqlite');
    server = await startTestServer(storage);
    user = await signUp(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.destroy();
  });

  it('is only its own: collaborators caret moves are not sent back to the server', async () => {
    const { id } = await createReport(server.url, user);
    const mover = connectClient(server.wsUrl, id, user);
    const kept = connectClient(server.wsUrl, id, user);
    const stock = connectClient(server.wsUrl, id, user);
    sendOwnPresenceOnly(kept.provider);
    await Promise.all([mover.synced, kept.synced, stock.synced]);
    const keptSent = countPresenceSent(kept);
    const stockSent = countPresenceSent(stock);
    for (let i = 0; i < 10; i++) {
      mover.provider.awareness.setLocalStateField('cursor', { at: i });
      await waitFor(() => (kept.provider.awareness.getStates().get(mover.doc.clientID) as { cursor?: { at: number } } | undefined)?.cursor?.at === i);
    }
    await waitFor(() => stockSent() >= 10);
    expect(keptSent()).toBe(0);
    // Its own moves still go out, and the others see them.
    kept.provider.awareness.setLocalStateField('cursor', { at: 99 });
    await waitFor(() => (mover.provider.awareness.getStates().get(kept.doc.clientID) as { cursor?: { at: number } } | undefined)?.cursor?.at === 99);
    expect(keptSent()).toBe(1);
    for (const c of [mover, kept, stock]) c.destroy();
  });
});
