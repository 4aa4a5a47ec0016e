/** /api/coalitions and /api/invitations: the groups writing joint submissions, their members and invitation links. */
import type { Role } from '../../../shared/api/roles.ts';
import { request } from './http.ts';

export interface Coalition {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  /** The organisations named on the cover page, in order. */
  organisations: string[];
  /** The signed-in person's standing in it (absent in lists kept on the device by an older version). */
  me?: { manager: boolean; role: Role };
}

export interface CoalitionMember {
  userId: string;
  name: string;
  email: string;
  manager: boolean;
  /** The role this member has on the coalition's reports (a report may give them another). */
  role: Role;
  joinedAt: string;
}

export interface CoalitionDetail extends Omit<Coalition, 'me'> {
  me: CoalitionMember;
  members: CoalitionMember[];
}

export interface Invitation {
  id: string;
  role: Role;
  expiresAt: string;
  token: string;
  /** The link, built from the server's PUBLIC_URL when the operator set it. */
  url: string;
  /** Present when PUBLIC_URL is not set and `url` was built from the request's address. */
  warning?: string;
}

export interface InvitationPreview {
  coalition: { id: string; name: string; organisations: string[] };
  role: Role;
  invitedBy: string | null;
  expiresAt: string;
}

const base = (id: string) => `/api/coalitions/${encodeURIComponent(id)}`;

export async function fetchCoalitions(): Promise<Coalition[]> {
  return (await request<{ coalitions: Coalition[] }>('/api/coalitions')).coalitions;
}

export function fetchCoalition(id: string): Promise<CoalitionDetail> {
  return request<CoalitionDetail>(base(id));
}

export function createCoalition(name: string, organisations: string[]): Promise<CoalitionDetail> {
  return request<CoalitionDetail>('/api/coalitions', { body: { name, organisations } });
}

export function updateCoalition(id: string, fields: { name?: string; organisations?: string[] }): Promise<CoalitionDetail> {
  return request<CoalitionDetail>(base(id), { method: 'PATCH', body: fields });
}

export function createInvitation(id: string, role: Role, expiresInHours: number): Promise<Invitation> {
  return request<Invitation>(`${base(id)}/invitations`, { body: { role, expiresInHours } });
}

export function updateMember(id: string, userId: string, fields: { role?: Role; manager?: boolean }): Promise<CoalitionDetail> {
  return request<CoalitionDetail>(`${base(id)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: fields });
}

/** A manager removes a member, or a member removes themselves (leaves). */
export async function removeMember(id: string, userId: string): Promise<void> {
  await request(`${base(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

export function fetchInvitation(token: string): Promise<InvitationPreview> {
  return request<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(token: string): Promise<CoalitionDetail> {
  return request<CoalitionDetail>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST' });
}
