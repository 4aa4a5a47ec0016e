/**
 * Building blocks of the API's request schemas (zod). The schemas describe every request body the server takes;
 * the OpenAPI document at `GET /api/openapi.json` is generated from them. The server's own validators
 * (shared/api/validate.ts and beside each route) stay the authority on each field's error code and message.
 */
import { z } from 'zod';
import { ROLES } from '../roles.ts';

/** Text of at most `max` characters. */
export const text = (max: number, description?: string) => {
  const schema = z.string().max(max);
  return description ? schema.meta({ description }) : schema;
};

/** Non-empty text of at most `max` characters. */
export const requiredText = (max: number, description?: string) => {
  const schema = z.string().min(1).max(max);
  return description ? schema.meta({ description }) : schema;
};

export const uuid = (description?: string) => z.string().uuid().meta({ description: description ?? 'A lower-case UUID.' });

export const isoDate = (description: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description, examples: ['2026-08-30'] });

export const role = z.enum(ROLES).meta({ description: 'A role on a report: owner, editor, reviewer or viewer.' });

export const email = z.string().max(254).meta({ format: 'email', examples: ['amina@example.org'] });

export const password = z.string().min(1).max(200).meta({ description: 'At least 10 characters for a new password, at most 200.' });

/** A base64url string (keys and wrapped keys of end-to-end encryption). */
export const base64url = (max: number, description: string) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/).meta({ description });

/** Bodies are JSON objects; fields the schema does not name are ignored unless a route says otherwise. */
export const body = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
