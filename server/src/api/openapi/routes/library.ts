/** The library of model resolutions, ordinances and recommendations, shared between instances. */
import { z } from 'zod';
import { LIBRARY_KINDS } from '../../../../../shared/library/entry.ts';
import * as S from '../../../../../shared/api/schemas/library.ts';
import type { RouteDoc } from '../RouteDoc.ts';

const tag = 'Library';

export const libraryRoutes: RouteDoc[] = [
  { method: 'POST', path: '/api/library/entries', tag, access: 'signed-in', summary: 'Add an entry', body: S.NewEntry, success: { status: 201, description: 'The entry.' }, errors: { 409: 'The instance holds its limit of entries.' } },
  {
    method: 'GET', path: '/api/library/entries', tag, access: 'public', summary: 'Entries you may read (published ones without signing in)',
    query: { kind: { schema: z.enum(LIBRARY_KINDS), description: 'Only this kind.' }, tag: { schema: z.string(), description: 'Only entries with this tag.' }, status: { schema: z.string(), description: 'Only entries with an adoption in this status.' }, q: { schema: z.string().max(200), description: 'Words to look for.' } },
    success: { status: 200, description: '`{ entries }`.' },
  },
  { method: 'GET', path: '/api/library/entries/:id', tag, access: 'public', summary: 'An entry with its adoptions and versions (a published one without signing in)', success: { status: 200, description: 'The entry.' } },
  { method: 'PATCH', path: '/api/library/entries/:id', tag, access: 'signed-in', summary: 'Change an entry (a new version; its author or coalition managers)', body: S.EntryChange, success: { status: 200, description: 'The entry.' } },
  { method: 'DELETE', path: '/api/library/entries/:id', tag, access: 'signed-in', summary: 'Delete an entry', success: { status: 204, description: 'Deleted.' } },
  { method: 'POST', path: '/api/library/entries/:id/adoptions', tag, access: 'signed-in', summary: 'Record where an entry was adopted', body: S.Adoption, success: { status: 201, description: 'The adoption.' } },
  { method: 'POST', path: '/api/library/entries/:id/uses', tag, access: 'signed-in', summary: 'Record that an entry was inserted into a report', body: S.Use, success: { status: 200, description: 'Counted.' } },
  { method: 'GET', path: '/api/library/search', tag, access: 'public', summary: 'Search the library (published entries without signing in)', query: { q: { schema: z.string().max(200), description: 'Words to look for.', required: true }, kind: { schema: z.enum(LIBRARY_KINDS), description: 'Only this kind.' } }, success: { status: 200, description: 'The best matches.' } },
  { method: 'GET', path: '/library/feed.json', tag, access: 'public', summary: 'The published entries, for other instances to subscribe to', success: { status: 200, description: 'A bundle (docs/LIBRARY-FEED.md).' } },
  { method: 'GET', path: '/api/library/export', tag, access: 'signed-in', summary: 'Export entries as a bundle', query: { ids: { schema: z.string(), description: 'Comma-separated entry ids (at most 500).', required: true } }, success: { status: 200, description: 'A bundle (docs/LIBRARY-FEED.md).' } },
  { method: 'POST', path: '/api/library/import', tag, access: 'signed-in', summary: 'Import a bundle', body: S.ImportBundle, success: { status: 201, description: 'How many entries were added and updated.' } },
  { method: 'GET', path: '/api/library/subscriptions', tag, access: 'administrator', summary: 'Feeds of other instances this one follows', success: { status: 200, description: 'Each with its last fetch.' } },
  { method: 'POST', path: '/api/library/subscriptions', tag, access: 'administrator', summary: 'Follow another instance’s feed', body: S.Subscription, success: { status: 201, description: 'The subscription; fetched at once and then regularly.' } },
  { method: 'DELETE', path: '/api/library/subscriptions/:id', tag, access: 'administrator', summary: 'Stop following a feed', success: { status: 204, description: 'Stopped.' } },
];
