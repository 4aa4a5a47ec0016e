/** What the OpenAPI document says about one route (one file per area under routes/). */
import type { z } from 'zod';

/** Who may call a route; the server checks it on every call. */
export type Access =
  | 'public'
  | 'signed-in'
  | 'administrator'
  | 'report-reader'
  | 'report-commenter'
  | 'report-writer'
  | 'report-owner'
  | 'secret-link'
  | 'operator';

export interface QueryDoc {
  schema: z.ZodType;
  description: string;
  required?: boolean;
}

export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As registered on the router: `/api/reports/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /** A JSON request body. */
  body?: z.ZodType;
  /** A multipart/form-data request body: what its one file field holds. */
  upload?: { field: string; description: string };
  query?: Record<string, QueryDoc>;
  /** Success status and what it returns; the media type when it is not JSON. */
  success: { status: number; description: string; mediaType?: string };
  /** Error statuses this route answers beyond those every route may (400, 401, 403, 404, 413, 415, 429). */
  errors?: Record<number, string>;
}
