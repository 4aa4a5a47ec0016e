/** Witnesses' real names and contacts: kept on the server, owners and editors only (server/src/api/testimonyRoutes.ts). */
import { request } from '../../api/http.ts';

export interface TestimonyContact {
  testimonyId: string;
  realName: string;
  contact: string;
  updatedBy: string;
  updatedAt: string;
}

const base = (reportId: string) => `/api/reports/${encodeURIComponent(reportId)}/testimony-contacts`;

export async function fetchContacts(reportId: string): Promise<TestimonyContact[]> {
  return (await request<{ contacts: TestimonyContact[] }>(base(reportId))).contacts;
}

export function saveContact(reportId: string, testimonyId: string, fields: { realName: string; contact: string }): Promise<TestimonyContact> {
  return request<TestimonyContact>(`${base(reportId)}/${encodeURIComponent(testimonyId)}`, { method: 'PUT', body: fields });
}

export async function removeContact(reportId: string, testimonyId: string): Promise<void> {
  await request<void>(`${base(reportId)}/${encodeURIComponent(testimonyId)}`, { method: 'DELETE' });
}
