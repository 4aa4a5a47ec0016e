/**
 * Whether a Yjs update builds on changes a document does not have: items whose own earlier part, left or right
 * neighbour (origin, rightOrigin) or parent is unknown to the document, or deletions of unknown items. Yjs would
 * keep such an update "pending" inside the document (store.pendingStructs / pendingDs) and integrate it later,
 * when someone else's change brings the missing piece: it would then be checked as that person's change, or not
 * at all. The sync server never lets one reach a document (see Connection: it is held for the connection that
 * sent it until that same connection sends the rest).
 *
 * Mirrors Yjs's own integration (yjs src/utils/encoding.js integrateStructs, Item.getMissing): items are taken
 * client by client in clock order; an item waits for the client it depends on, and is integrated once that
 * client's known clock passes the dependency. Reads the update and the document's state vector only; work is
 * linear in the update's size (times the number of clients in it, at worst).
 */
import * as Y from 'yjs';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const out: Y.ID[] = [];
  if (struct.origin) out.push(struct.origin);
  if (struct.rightOrigin) out.push(struct.rightOrigin);
  // A parent given by id (a nested type's item), not by the name of a root type.
  if (struct.parent instanceof Y.ID) out.push(struct.parent);
  return out;
}

/** True when applying `update` to `doc` would leave anything pending in it. */
export function buildsOnMissing(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  const known = new Map<number, number>();
  const clockOf = (client: number): number => {
    let clock = known.get(client);
    if (clock === undefined) {
      clock = Y.getState(doc.store, client);
      known.set(client, clock);
    }
    return clock;
  };
  const byClient = new Map<number, { structs: Struct[]; next: number }>();
  for (const struct of decoded.structs) {
    const entry = byClient.get(struct.id.client) ?? { structs: [], next: 0 };
    entry.structs.push(struct);
    byClient.set(struct.id.client, entry);
  }
  for (const entry of byClient.values()) entry.structs.sort((a, b) => a.id.clock - b.id.clock);

  /** Clients waiting for another client's clock to advance. */
  const waiting = new Map<number, number[]>();
  const queue = [...byClient.keys()];
  while (queue.length > 0) {
    const client = queue.pop()!;
    const entry = byClient.get(client)!;
    let advanced = false;
    advance: while (entry.next < entry.structs.length) {
      const struct = entry.structs[entry.next]!;
      // A Skip is a gap in the update; Yjs passes over it, and the next struct shows whether the gap is known.
      if (struct instanceof Y.Skip) {
        entry.next++;
        continue;
      }
      if (struct.id.clock > clockOf(client)) break; // a gap in the sender's own changes: never filled by others
      for (const dep of dependencies(struct)) {
        // Yjs does not check references within the same client (they come earlier in its own sequence).
        if (dep.client !== client && dep.clock >= clockOf(dep.client)) {
          const list = waiting.get(dep.client) ?? [];
          list.push(client);
          waiting.set(dep.client, list);
          break advance;
        }
      }
      known.set(client, Math.max(clockOf(client), struct.id.clock + struct.length));
      entry.next++;
      advanced = true;
    }
    if (advanced) {
      const woken = waiting.get(client);
      if (woken) {
        waiting.delete(client);
        queue.push(...woken);
      }
    }
  }
  for (const entry of byClient.values()) if (entry.next < entry.structs.length) return true;
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) if (range.clock + range.len > clockOf(client)) return true;
  }
  return false;
}
