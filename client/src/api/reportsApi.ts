import type { Deadline } from '../../../shared/deadlines/deadline.ts';
/** The reports API: list, read (with the caller's role), create, delete, and a report's members. */
import type { Role } from '../../../shared/api/roles.ts';
import type { CreateReportRequest, ReportSummary } from '../../../shared/api/types.ts';
import { request } from './http.ts';

export { ApiError, NetworkError } from './http.ts';

/** A report as the server lists it for the caller: with their role and the coalition it belongs to. */
export interface ServerReport extends ReportSummary {
  role: Role;
  ownerUserId: string | null;
  coalitionId: string | null;
  /** The target session and submission deadline from the cover (see shared/deadlines/). */
  session?: string;
  deadline?: Deadline | null;
}

export interface NewReportRequest extends CreateReportRequest {
  coalitionId?: string | null;
}

export async function fetchServerReports(): Promise<ServerReport[]> {
  return (await request<{ reports: ServerReport[] }>('/api/reports')).reports;
}

export function fetchServerReport(id: string): Promise<ServerReport> {
  return request<ServerReport>(`/api/reports/${encodeURIComponent(id)}`);
}

/** Create a report; repeating it with the same id is safe (the server answers 200 with the existing one). */
export function postReport(body: NewReportRequest): Promise<ServerReport> {
  return request<ServerReport>('/api/reports', { body });
}

/** Owners only: the report goes to the owner's trash (purged after `purgeAt`); open connections close with 4410. */
export function deleteReport(id: string): Promise<{ id: string; deletedAt: string; purgeAt: string }> {
  return request(`/api/reports/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A report in the caller's trash (owners only). */
export interface TrashedReport extends ServerReport {
  deletedAt: string;
  purgeAt: string;
}

export async function fetchTrash(): Promise<TrashedReport[]> {
  return (await request<{ reports: TrashedReport[] }>('/api/reports?deleted=true')).reports;
}

/** Take a report out of the trash, with its versions and discussion. */
export function undeleteReport(id: string): Promise<ServerReport> {
  return request<ServerReport>(`/api/reports/${encodeURIComponent(id)}/undelete`, { method: 'POST' });
}

/** Delete a report in the trash for good. */
export async function purgeReport(id: string): Promise<void> {
  await request(`/api/reports/${encodeURIComponent(id)}?purge=true`, { method: 'DELETE' });
}

/** A new report of the caller's with this one's text, tags and cover (no versions, discussion or members). */
export function duplicateReport(id: string, title?: string): Promise<ServerReport> {
  return request<ServerReport>(`/api/reports/${encodeURIComponent(id)}/duplicate`, { body: title ? { title } : {} });
}

export interface ReportMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** Why they have the role: they own the report, it was given to them on it, or through its coalition. */
  via: 'owner' | 'direct' | 'coalition';
}

export async function fetchReportMembers(id: string): Promise<ReportMember[]> {
  return (await request<{ members: ReportMember[] }>(`/api/reports/${encodeURIComponent(id)}/members`)).members;
}

/** When the server sends mail, a person not yet on the report is invited by mail rather than added. */
export interface ReportInvited {
  status: 'invited';
  email: string;
  role: Role;
}

/** Give a person a role on the report (or change theirs): owners only. */
export function addReportMember(id: string, email: string, role: Role): Promise<ReportMember | ReportInvited> {
  return request<ReportMember | ReportInvited>(`/api/reports/${encodeURIComponent(id)}/members`, { body: { email, role } });
}

export interface ReportInvitationPreview {
  report: { id: string; title: string };
  role: Role;
  invitedBy: string | null;
  expiresAt: string;
}

/** What an invitation link from a mail is for (the token travels in the body, never in a URL). */
export function lookupReportInvitation(token: string): Promise<ReportInvitationPreview> {
  return request<ReportInvitationPreview>('/api/report-invitations/lookup', { body: { token } });
}

export function acceptReportInvitation(token: string): Promise<{ reportId: string; role: Role }> {
  return request<{ reportId: string; role: Role }>('/api/report-invitations/accept', { body: { token } });
}

/** Withdraw a role given on the report (a coalition member then has their coalition role again). */
export async function removeReportMember(id: string, userId: string): Promise<void> {
  await request(`/api/reports/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}
