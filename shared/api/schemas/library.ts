/** Request bodies of /api/library: entries, adoptions, uses, bundles and subscriptions. */
import { z } from 'zod';
import { ADOPTION_STATUSES, LIBRARY_KINDS, LIBRARY_LEVELS, LIBRARY_LIMITS as L, LIBRARY_VISIBILITIES } from '../../library/entry.ts';
import { body, isoDate, requiredText, text, uuid } from './common.ts';

const entryFields = {
  title: requiredText(L.titleChars),
  kind: z.enum(LIBRARY_KINDS),
  level: z.enum(LIBRARY_LEVELS),
  text: text(L.textChars, 'The entry as plain text (paragraphs separated by blank lines); or give "content".').optional(),
  content: z.record(z.string(), z.unknown()).optional().meta({ description: 'The entry as ProseMirror JSON (the editor’s schema).' }),
  tags: z.array(z.string()).max(L.tags).optional().meta({ description: 'Taxonomy tag ids (treaty articles, SDG targets).' }),
  language: text(L.languageChars).optional(),
  source: text(L.sourceChars).optional(),
  licence: text(L.licenceChars).optional(),
  visibility: z.enum(LIBRARY_VISIBILITIES),
  coalitionId: uuid().nullable().optional(),
};

export const NewEntry = body(entryFields).meta({
  examples: [{ title: 'Human rights city resolution', kind: 'model-resolution', level: 'city', text: 'The council resolves…', visibility: 'instance', tags: ['ICERD:5', 'SDG:11.1'] }],
});

export const EntryChange = body(Object.fromEntries(Object.entries(entryFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof entryFields]: z.ZodOptional<(typeof entryFields)[K]> });

export const Adoption = body({
  place: requiredText(L.placeChars),
  body: text(L.bodyChars, 'Who adopted it (e.g. the city council).').optional(),
  date: isoDate('When.'),
  status: z.enum(ADOPTION_STATUSES),
  link: text(L.linkChars, 'An http, https or mailto address.').optional(),
  followUp: text(L.followUpChars).optional(),
});

export const Use = body({
  reportId: uuid('The report the entry was inserted into.'),
  version: z.number().int().min(1).optional().meta({ description: 'The entry’s version inserted.' }),
});

export const ImportBundle = body({
  bundle: z.record(z.string(), z.unknown()).meta({ description: 'A bundle from GET /api/library/export (docs/LIBRARY-FEED.md).' }),
  visibility: z.enum(LIBRARY_VISIBILITIES).optional(),
  coalitionId: uuid().nullable().optional(),
});

export const Subscription = body({
  url: requiredText(L.linkChars, 'The https address of another instance’s /library/feed.json.'),
}).meta({ examples: [{ url: 'https://rights.example.org/library/feed.json' }] });
