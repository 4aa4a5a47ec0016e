/** /api/taxonomy: the tag vocabulary (treaty articles, SDGs, general comments, UPR themes) and a search over it, for signed-in users. */
import { TAXONOMY_SOURCES, taxonomyEntries } from '../../../shared/taxonomy/entries.ts';
import { searchTaxonomy } from '../../../shared/taxonomy/search.ts';
import { TAG_KINDS, type TagKind, type TreatyId } from '../../../shared/taxonomy/tagIds.ts';
import { MECHANISM_TREATY } from '../../../shared/taxonomy/treaties.ts';
import { isMechanism } from '../../../shared/api/mechanisms.ts';
import type { TaxonomyResponse, TaxonomySearchResponse } from '../../../shared/api/types.ts';
import { BadRequest } from '../errors.ts';
import { sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';

const MAX_QUERY_CHARS = 200;

function kindsParam(url: URL): TagKind[] | undefined {
  const raw = url.searchParams.get('kind');
  if (!raw) return undefined;
  const kinds = raw.split(',').map((k) => k.trim());
  const unknown = kinds.find((k) => !(TAG_KINDS as readonly string[]).includes(k));
  if (unknown) throw new BadRequest('invalid_field', `Unknown kind "${unknown}"; use ${TAG_KINDS.join(', ')}.`, 'kind', { kind: unknown, values: TAG_KINDS.join(', ') });
  return kinds as TagKind[];
}

/** `mechanism=CERD`: that mechanism's treaty ranks first (null for the UPR or when absent). */
function treatyParam(url: URL): TreatyId | null {
  const raw = url.searchParams.get('mechanism');
  if (raw === null || raw === '') return null;
  if (!isMechanism(raw)) throw new BadRequest('invalid_field', `Unknown mechanism "${raw.slice(0, 40)}".`, 'mechanism', { mechanism: raw.slice(0, 40) });
  return MECHANISM_TREATY[raw];
}

export function registerTaxonomyRoutes(router: Router): void {
  router.on('GET', '/api/taxonomy', async (ctx) => {
    await ctx.user();
    const kinds = kindsParam(ctx.url);
    const entries = kinds ? taxonomyEntries().filter((e) => kinds.includes(e.kind)) : [...taxonomyEntries()];
    // The vocabulary changes only with a new release; let the browser keep it for an hour.
    ctx.res.setHeader('cache-control', 'private, max-age=3600');
    const body: TaxonomyResponse = { entries, sources: TAXONOMY_SOURCES };
    sendJson(ctx.res, 200, body);
  });

  router.on('GET', '/api/taxonomy/search', async (ctx) => {
    await ctx.user();
    const query = ctx.url.searchParams.get('q') ?? '';
    if (query.length > MAX_QUERY_CHARS) throw new BadRequest('too_long', `"q" is longer than ${MAX_QUERY_CHARS} characters.`, 'q', { field: 'q', max: MAX_QUERY_CHARS });
    const rawLimit = ctx.url.searchParams.get('limit');
    const limit = rawLimit === null ? 20 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new BadRequest('invalid_field', '"limit" must be a whole number from 1 to 200.', 'limit');
    const kinds = kindsParam(ctx.url);
    const treaty = treatyParam(ctx.url);
    const hits = searchTaxonomy(query, { limit, treaty, ...(kinds ? { kinds } : {}) });
    const body: TaxonomySearchResponse = { query, results: hits.map((h) => ({ ...h.entry, score: h.score, match: h.match })) };
    sendJson(ctx.res, 200, body);
  });
}
