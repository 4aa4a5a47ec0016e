/** The attachments API: upload (multipart), read bytes, delete. Errors as the rest of the client's API calls. */
import type { ApiErrorBody } from '../../../../shared/api/types.ts';
import { attachmentPath, type AttachmentInfo } from '../../../../shared/attachments/kinds.ts';
import { ApiError, NetworkError, request } from '../../api/http.ts';
import { i18n } from '../../i18n/i18n.ts';

const UPLOAD_TIMEOUT_MS = 120_000;

async function failure(res: Response): Promise<ApiError> {
  let body: ApiErrorBody | null = null;
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    // Not JSON (a proxy's page).
  }
  return new ApiError(res.status, body?.error.code ?? `http_${res.status}`, body?.error.message ?? i18n.t('errors.uploadFailed', { status: res.status }), body?.error.field, undefined, body?.error.params);
}

export async function uploadAttachment(reportId: string, blob: Blob, fileName: string): Promise<AttachmentInfo> {
  const form = new FormData();
  form.set('file', blob, fileName);
  let res: Response;
  try {
    res = await fetch(`/api/reports/${reportId}/attachments`, { method: 'POST', body: form, credentials: 'same-origin', signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as AttachmentInfo;
}

export async function fetchAttachment(reportId: string, attachmentId: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(attachmentPath(reportId, attachmentId), { credentials: 'same-origin' });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await failure(res);
  return res.blob();
}

export function deleteAttachment(reportId: string, attachmentId: string): Promise<void> {
  return request<void>(attachmentPath(reportId, attachmentId), { method: 'DELETE' });
}
