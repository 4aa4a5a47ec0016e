/** What an operator and a load balancer use, the reference data, and this document itself. */
import { z } from 'zod';
import type { RouteDoc } from '../RouteDoc.ts';

export const operatorRoutes: RouteDoc[] = [
  { method: 'GET', path: '/healthz', tag: 'Operations', access: 'public', summary: 'The process answers', success: { status: 200, description: '`{ status: "ok" }`.' } },
  { method: 'GET', path: '/readyz', tag: 'Operations', access: 'public', summary: 'The database (and Redis when configured) answer', success: { status: 200, description: 'Ready.' }, errors: { 503: 'Not ready: take this node out of the load balancer.' } },
  { method: 'GET', path: '/metrics', tag: 'Operations', access: 'operator', summary: 'Prometheus metrics (METRICS=1, from the addresses in METRICS_ALLOW)', success: { status: 200, description: 'Prometheus text format.', mediaType: 'text/plain' } },
  { method: 'GET', path: '/api/openapi.json', tag: 'Operations', access: 'public', summary: 'This document', success: { status: 200, description: 'OpenAPI 3.1.' } },
  { method: 'GET', path: '/api/taxonomy', tag: 'Reference data', access: 'signed-in', summary: 'Treaty articles, general recommendations, SDG goals and targets, UPR themes', query: { kind: { schema: z.string(), description: 'Only this kind of tag.' }, mechanism: { schema: z.string(), description: 'Only the articles of this mechanism’s treaty.' } }, success: { status: 200, description: 'The tags with their labels and sources.' } },
  { method: 'GET', path: '/api/taxonomy/search', tag: 'Reference data', access: 'signed-in', summary: 'Find tags by words or number', query: { q: { schema: z.string().max(200), description: 'Words or a number ("art. 5", "10.3").', required: true }, limit: { schema: z.string().regex(/^\d+$/), description: 'At most this many (default 20).' } }, success: { status: 200, description: 'The best matches.' } },
];
