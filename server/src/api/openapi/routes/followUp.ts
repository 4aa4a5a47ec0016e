/** The follow-up tracker: concluding observations and UPR recommendations, and what happened to each. */
import * as S from '../../../../../shared/api/schemas/followUp.ts';
import type { RouteDoc } from '../RouteDoc.ts';

const tag = 'Follow-up';

export const followUpRoutes: RouteDoc[] = [
  { method: 'GET', path: '/api/follow-up', tag, access: 'signed-in', summary: 'Recommendations you track, with their logs', success: { status: 200, description: '`{ items }`.' } },
  { method: 'POST', path: '/api/follow-up/import', tag, access: 'signed-in', summary: 'Track the recommendations in pasted concluding observations or a UPR list', body: S.FollowUpImport, success: { status: 201, description: '`{ items }`: one per recommendation found.' }, errors: { 409: 'The tracker holds its limit.' } },
  { method: 'PATCH', path: '/api/follow-up/:id', tag, access: 'signed-in', summary: 'Correct a tracked recommendation', body: S.FollowUpChange, success: { status: 200, description: 'The recommendation.' } },
  { method: 'DELETE', path: '/api/follow-up/:id', tag, access: 'signed-in', summary: 'Stop tracking a recommendation', success: { status: 204, description: 'Deleted with its log.' } },
  { method: 'POST', path: '/api/follow-up/:id/log', tag, access: 'signed-in', summary: 'Record what was found about a recommendation', body: S.FollowUpLog, success: { status: 201, description: 'The log entry.' }, errors: { 409: 'The log holds its limit.' } },
];
