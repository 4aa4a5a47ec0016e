/**
 * The accessible (tagged) PDF, made by the server with LibreOffice from the report's .docx: whether this server
 * can make it (asked once per page load), and fetching it. Online only; the PDF made in the browser is not tagged.
 */
import { useEffect, useState } from 'react';
import { request } from '../../api/http.ts';

let asked: Promise<boolean> | null = null;

/** null while asking (or offline), else whether the server has LibreOffice. */
export function useAccessiblePdfAvailable(online: boolean): boolean | null {
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    if (!online) return;
    let live = true;
    asked ??= request<{ accessiblePdf: boolean }>('/api/export/capabilities').then(
      (r) => r.accessiblePdf,
      () => {
        asked = null;
        return false;
      },
    );
    void asked.then((value) => live && setAvailable(value));
    return () => {
      live = false;
    };
  }, [online]);
  return online ? available : null;
}

/** The server's tagged PDF of the report as it is stored there. */
export async function fetchAccessiblePdf(reportId: string, query: string, signal: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(`/api/reports/${encodeURIComponent(reportId)}/export?${query}&accessible=true`, { credentials: 'same-origin', signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  return new Uint8Array(await res.arrayBuffer());
}
