/**
 * Load the starter entries into the library (issue 14): `npm run library:starter` (shared with the instance) or
 * `npm run library:starter -- --publish` (also published at /library and in the feed). Loading again adds nothing:
 * an entry already there (by its fixed id) is left as it is. Reads the same environment as the server.
 */
import { checkContent, contentText } from '../../../shared/library/content.ts';
import { DEFAULT_LICENCE, type LibraryEntry } from '../../../shared/library/entry.ts';
import type { Storage } from '../storage/Storage.ts';
import { STARTER_ENTRIES, starterContent } from './starterEntries.ts';

export async function loadStarterEntries(storage: Storage, options: { publish: boolean; now?: string }): Promise<{ added: string[]; present: string[] }> {
  const at = options.now ?? new Date().toISOString();
  const added: string[] = [];
  const present: string[] = [];
  for (const s of STARTER_ENTRIES) {
    if (await storage.library.get(s.id)) {
      present.push(s.title);
      continue;
    }
    const checked = checkContent(starterContent(s.lines));
    if (!checked.ok) throw new Error(`starter entry ${s.id}: ${checked.message}`);
    const entry: LibraryEntry = {
      id: s.id,
      kind: s.kind,
      title: s.title,
      content: checked.content,
      text: contentText(checked.content),
      level: s.level,
      tags: s.tags,
      language: 'en',
      source: 'Written for the Rightsdraft library as a starting point (not taken from any adopted text).',
      licence: DEFAULT_LICENCE,
      visibility: options.publish ? 'published' : 'instance',
      coalitionId: null,
      version: 1,
      writer: null,
      createdAt: at,
      updatedAt: at,
      origin: null,
      subscriptionId: null,
      adoptions: [],
    };
    await storage.library.create(entry);
    added.push(s.title);
  }
  return { added, present };
}
