/** Coalitions: the group that writes a joint submission, its members and invitations. */
import * as S from '../../../../../shared/api/schemas/coalitions.ts';
import type { RouteDoc } from '../RouteDoc.ts';

const tag = 'Coalitions';

export const coalitionRoutes: RouteDoc[] = [
  { method: 'POST', path: '/api/coalitions', tag, access: 'signed-in', summary: 'Start a coalition (you manage it)', body: S.NewCoalition, success: { status: 201, description: 'The coalition with its members.' } },
  { method: 'GET', path: '/api/coalitions', tag, access: 'signed-in', summary: 'Your coalitions', success: { status: 200, description: '`{ coalitions }`, each with your standing in it.' } },
  { method: 'GET', path: '/api/coalitions/:id', tag, access: 'signed-in', summary: 'A coalition you belong to', success: { status: 200, description: 'The coalition with its members.' } },
  { method: 'PATCH', path: '/api/coalitions/:id', tag, access: 'signed-in', summary: 'Rename a coalition or change its organisations (managers)', body: S.CoalitionChange, success: { status: 200, description: 'The coalition.' } },
  { method: 'POST', path: '/api/coalitions/:id/invitations', tag, access: 'signed-in', summary: 'An invitation link to join with a role (managers)', body: S.NewCoalitionInvitation, success: { status: 201, description: '`{ id, role, expiresAt, token, url }`.' } },
  { method: 'PATCH', path: '/api/coalitions/:id/members/:userId', tag, access: 'signed-in', summary: 'Change a member’s role or manager standing (managers)', body: S.CoalitionMemberChange, success: { status: 200, description: 'The coalition.' }, errors: { 409: 'A coalition keeps at least one manager.' } },
  { method: 'DELETE', path: '/api/coalitions/:id/members/:userId', tag, access: 'signed-in', summary: 'Remove a member, or leave', success: { status: 204, description: 'Removed; their access to the coalition’s reports ends.' } },
  { method: 'GET', path: '/api/invitations/:token', tag, access: 'secret-link', summary: 'What a coalition invitation link is for', success: { status: 200, description: 'The coalition, the role and who invited.' }, errors: { 410: 'Used or expired.' } },
  { method: 'POST', path: '/api/invitations/:token/accept', tag, access: 'signed-in', summary: 'Join a coalition with an invitation link', success: { status: 200, description: 'The coalition.' }, errors: { 410: 'Used or expired.' } },
];
