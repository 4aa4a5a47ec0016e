/** Every route the OpenAPI document describes, from the area files under routes/. */
import type { RouteDoc } from './RouteDoc.ts';
import { accountRoutes } from './routes/accounts.ts';
import { coalitionRoutes } from './routes/coalitions.ts';
import { followUpRoutes } from './routes/followUp.ts';
import { libraryRoutes } from './routes/library.ts';
import { operatorRoutes } from './routes/operator.ts';
import { reportRoutes } from './routes/reports.ts';

export const ROUTE_DOCS: readonly RouteDoc[] = [...reportRoutes, ...accountRoutes, ...coalitionRoutes, ...libraryRoutes, ...followUpRoutes, ...operatorRoutes];
