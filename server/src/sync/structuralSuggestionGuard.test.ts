import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorAt } from '../../../shared/discussion/anchors.ts';
import { createSuggestion, decideSuggestion, getSuggestion, listSuggestions } from '../../../shared/discussion/layout.ts';
import { encodeRowCells, MAX_SUGGESTED_ROW_CELLS } from '../../../shared/discussion/structure.ts';
import { bodyWith } from '../../../test/helpers/yjsContent.ts';
import { refuseDiscussionUpdate } from './discussionGuard.ts';

const rania = { id: 'u-rania', name: 'Rania' };
const edwin = { id: 'u-edwin', name: 'Edwin' };
const body = bodyWith('The State should adopt a law.');

function change(server: Y.Doc, make: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  make(client);
  return Y.encodeStateAsUpdate(client, before);
}

const check = (server: Y.Doc, update: Uint8Array, who: typeof rania, role: 'reviewer' | 'editor') =>
  refuseDiscussionUpdate(server, update, { userId: who.id, userName: who.name, role });

/** A reviewer's suggestion written by hand into the map, as a modified client could. */
function forge(client: Y.Doc, fields: Record<string, unknown>): string {
  const m = new Y.Map<unknown>();
  const anchor = anchorAt(body, 4, 9);
  const all: Record<string, unknown> = {
    sectionId: 's', start: anchor.start, end: anchor.end, originalText: 'State', insertText: '',
    authorId: rania.id, authorName: rania.name, createdAt: new Date().toISOString(), status: 'open', ...fields,
  };
  for (const [k, v] of Object.entries(all)) m.set(k, v);
  client.getMap('suggestions').set('forged', m);
  return 'forged';
}

describe('the discussion guard and suggestions beyond the text', () => {
  it('lets a reviewer suggest each kind under her own name, and an editor decide it', () => {
    const server = new Y.Doc();
    const kinds = [
      { change: { kind: 'format', mark: 'bold', action: 'add' } as const, start: 4, end: 9, originalText: 'State', insertText: '' },
      { change: { kind: 'format', mark: 'link', action: 'add', href: 'https://example.org/law' } as const, start: 4, end: 9, originalText: 'State', insertText: '' },
      { change: { kind: 'deleteBlock', block: 'paragraph' } as const, start: 0, end: 29, originalText: 'The State should adopt a law.', insertText: '' },
      { change: { kind: 'insertBlock', block: 'paragraph' } as const, start: 29, end: 29, originalText: '', insertText: 'A new one.' },
      { change: { kind: 'footnote' } as const, start: 9, end: 9, originalText: '', insertText: 'See CERD/C/GC/37.' },
    ];
    for (const k of kinds) {
      const update = change(server, (c) => createSuggestion(c, rania, { sectionId: 's', anchor: anchorAt(body, k.start, k.end), originalText: k.originalText, insertText: k.insertText, change: k.change }));
      expect(check(server, update, rania, 'reviewer')).toBeNull();
      Y.applyUpdate(server, update);
    }
    expect(listSuggestions(server).map((s) => s.change.kind).sort()).toEqual(['deleteBlock', 'footnote', 'format', 'format', 'insertBlock']);
    const id = listSuggestions(server).find((s) => s.change.kind === 'deleteBlock')!.id;
    // Deciding is for editors, whatever the kind.
    expect(check(server, change(server, (c) => decideSuggestion(c, id, 'accepted', rania)), rania, 'reviewer')).toMatch(/only editors and owners/);
    expect(check(server, change(server, (c) => decideSuggestion(c, id, 'accepted', edwin)), edwin, 'editor')).toBeNull();
  });

  it('refuses a forged structural suggestion: unknown kinds, blocks or marks, unsafe links, stray fields', () => {
    const server = new Y.Doc();
    const forged = [
      { kind: 'format', mark: 'link', markAction: 'add', href: 'javascript:alert(document.cookie)' },
      { kind: 'format', mark: 'link', markAction: 'add', href: 'x'.repeat(5000) },
      { kind: 'format', mark: 'script', markAction: 'add' },
      { kind: 'deleteBlock', block: 'section' },
      { kind: 'replaceReport' },
      { kind: 'deleteBlock', block: 'paragraph', mark: 'bold' },
      { kind: 'format', mark: 'bold', markAction: 'add', insertText: 'and more words' },
      { kind: 'footnote', insertText: 'A note.' },
    ];
    for (const fields of forged) {
      expect(check(server, change(server, (c) => forge(c, fields)), rania, 'reviewer'), JSON.stringify(fields).slice(0, 80)).not.toBeNull();
    }
    expect(listSuggestions(server)).toEqual([]);
  });

  it('refuses a structural suggestion under another name, or turned into another kind later', () => {
    const server = new Y.Doc();
    expect(check(server, change(server, (c) => forge(c, { kind: 'deleteBlock', block: 'paragraph', authorId: edwin.id, authorName: edwin.name })), rania, 'reviewer')).toMatch(/own account/);
    const ok = change(server, (c) => forge(c, { kind: 'format', mark: 'bold', markAction: 'add' }));
    expect(check(server, ok, rania, 'reviewer')).toBeNull();
    Y.applyUpdate(server, ok);
    const retyped = change(server, (c) => (c.getMap('suggestions').get('forged') as Y.Map<unknown>).set('kind', 'deleteBlock'));
    expect(check(server, retyped, rania, 'reviewer')).toMatch(/cannot change/);
    const relinked = change(server, (c) => (c.getMap('suggestions').get('forged') as Y.Map<unknown>).set('href', 'javascript:void(0)'));
    expect(check(server, relinked, rania, 'reviewer')).not.toBeNull();
    expect(getSuggestion(server, 'forged')!.change).toEqual({ kind: 'format', mark: 'bold', action: 'add' });
  });
});

describe('the discussion guard and a suggested new table row', () => {
  const row = bodyWith('2023');
  /** A new-row suggestion written by hand into the map, as a modified client could. */
  const forgeRow = (client: Y.Doc, insertText: string) => {
    const m = new Y.Map<unknown>();
    const anchor = anchorAt(row, 4, 4);
    const all: Record<string, unknown> = {
      sectionId: 's', start: anchor.start, end: anchor.end, originalText: '', insertText, kind: 'insertBlock', block: 'tableRow',
      authorId: rania.id, authorName: rania.name, createdAt: new Date().toISOString(), status: 'open',
    };
    for (const [k, v] of Object.entries(all)) m.set(k, v);
    client.getMap('suggestions').set('row', m);
  };

  it('lets a reviewer suggest a row made by the app, and an editor accept it', () => {
    const server = new Y.Doc();
    const update = change(server, (c) =>
      createSuggestion(c, rania, { sectionId: 's', anchor: anchorAt(row, 4, 4), originalText: '', insertText: encodeRowCells(['2024', '57']), change: { kind: 'insertBlock', block: 'tableRow' } }),
    );
    expect(check(server, update, rania, 'reviewer')).toBeNull();
    Y.applyUpdate(server, update);
    const [s] = listSuggestions(server);
    expect(s!.change).toEqual({ kind: 'insertBlock', block: 'tableRow' });
    expect(check(server, change(server, (c) => decideSuggestion(c, s!.id, 'accepted', edwin)), edwin, 'editor')).toBeNull();
  });

  it('refuses a forged new row whose cells are malformed: several lines, too many cells, all empty, or text it replaces', () => {
    const server = new Y.Doc();
    for (const insertText of ['2024\t57\n2025\t63', 'x\t'.repeat(MAX_SUGGESTED_ROW_CELLS + 1), '', '\t \t', '2024\r57']) {
      expect(check(server, change(server, forgeRowWith(insertText)), rania, 'reviewer'), JSON.stringify(insertText).slice(0, 40)).toMatch(/new table row/);
    }
    expect(check(server, change(server, (c) => forge(c, { kind: 'insertBlock', block: 'tableRow', insertText: '2024\t57' })), rania, 'reviewer')).toMatch(/replaces no text/);
    expect(listSuggestions(server)).toEqual([]);
    const good = change(server, forgeRowWith('2024\t57'));
    expect(check(server, good, rania, 'reviewer')).toBeNull();
    Y.applyUpdate(server, good);
    // Revised later into a malformed one: refused too.
    const revised = change(server, (c) => (c.getMap('suggestions').get('row') as Y.Map<unknown>).set('insertText', '2024\n57'));
    expect(check(server, revised, rania, 'reviewer')).toMatch(/new table row/);
  });

  function forgeRowWith(insertText: string) {
    return (c: Y.Doc) => forgeRow(c, insertText);
  }
});
