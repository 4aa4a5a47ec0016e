/**
 * The section's evidence: files (PDF, spreadsheets, audio, letters) attached to it, listed under its text. Writers
 * add files (kept on the device and uploaded when online) and take them off the section; everyone who can read the
 * report downloads them. Also says what waits for upload and what the server refused.
 */
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { newUuid } from '../../../../shared/api/uuid.ts';
import { ATTACHMENT_TYPES, TYPE_EXTENSIONS, typeLabel } from '../../../../shared/attachments/kinds.ts';
import { addEvidence, listEvidence, observeEvidence, removeEvidence, type EvidenceEntry } from '../../../../shared/report/evidence.ts';
import { formatNumber } from '../../i18n/format.ts';
import { isStrippableImage, stripImageMetadata } from './stripImageMetadata.ts';
import { dismissRefused, queueUpload, refusalReason } from './uploadQueue.ts';
import { useQueueState } from './useUploadQueue.ts';
import './evidence.css';

const ACCEPT = [...ATTACHMENT_TYPES, ...Object.values(TYPE_EXTENSIONS).map((e) => `.${e}`)].join(',');
const MAX_BYTES = 20 * 1024 * 1024;

/** A file's size with the language's own unit names ("12 KB", "12 Ko", "12 КБ"). */
function size(bytes: number): string {
  const unit = (value: number, name: string, digits: number) => formatNumber(value, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits });
  if (bytes < 1024) return unit(bytes, 'byte', 0);
  if (bytes < 1024 * 1024) return unit(Math.round(bytes / 1024), 'kilobyte', 0);
  return unit(bytes / 1048576, 'megabyte', 1);
}

function useEvidence(doc: Y.Doc, sectionId: string): EvidenceEntry[] {
  const [entries, setEntries] = useState(() => listEvidence(doc, sectionId));
  useEffect(() => {
    setEntries(listEvidence(doc, sectionId));
    return observeEvidence(doc, () => setEntries(listEvidence(doc, sectionId)));
  }, [doc, sectionId]);
  return entries;
}

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function EvidencePanel({ doc, reportId, sectionId, canEdit, userName }: { doc: Y.Doc; reportId: string; sectionId: string; canEdit: boolean; userName: string }) {
  const { t } = useTranslation();
  const id = useId();
  const entries = useEvidence(doc, sectionId);
  const queue = useQueueState(reportId);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const add = async (file: File | null) => {
    setProblem(null);
    setNote(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setProblem(t('evidence.tooLarge', { name: file.name }));
      return;
    }
    let blob: Blob = file;
    let fileName = file.name;
    if (isStrippableImage(file.type)) {
      try {
        const clean = await stripImageMetadata(file, file.name);
        ({ blob, fileName } = clean);
        setNote(t('evidence.metadataRemoved'));
      } catch {
        setProblem(t('evidence.unreadableImage', { name: file.name }));
        return;
      }
    }
    const pending = newUuid();
    await queueUpload({ id: pending, reportId, blob, fileName, kind: 'evidence' });
    addEvidence(doc, { id: newUuid(), sectionId, fileName, mimeType: blob.type, size: blob.size, src: null, pending, addedBy: userName, addedAt: new Date().toISOString() });
  };

  if (entries.length === 0 && !canEdit) return null;
  return (
    <section className="evidence" aria-labelledby={`${id}-title`}>
      <div className="evidence__head">
        <h3 id={`${id}-title`} className="evidence__title">{t('evidence.title')}</h3>
        {canEdit && (
          <label className="button button--small evidence__add">
            {t('evidence.attach')}
            <input
              type="file"
              className="visually-hidden"
              accept={ACCEPT}
              onChange={(e) => {
                void add(e.target.files?.[0] ?? null);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted evidence__empty">{t('evidence.empty')}</p>
      ) : (
        <ul className="evidence__list">
          {entries.map((e) => (
            <li key={e.id} className="evidence__item">
              <span className="evidence__kind">{typeLabel(e.mimeType)}</span>
              {e.src ? (
                <a className="evidence__name" href={e.src} download={e.fileName}>{e.fileName}</a>
              ) : (
                <span className="evidence__name">{e.fileName}</span>
              )}
              <span className="muted evidence__meta">
                {size(e.size)} · {e.addedBy}
                {!e.src && <span className="evidence__waiting"> · {t('evidence.waiting')}</span>}
              </span>
              {canEdit && (
                <button type="button" className="button button--small" aria-label={t('evidence.removeLabel', { name: e.fileName })} onClick={() => removeEvidence(doc, e.id)}>
                  {t('evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {note && <p className="field__help" role="status">{note}</p>}
      {problem && <p className="field__error" role="alert">{problem}</p>}
      {queue.waiting > 0 && (
        <p className="evidence__queue" role="status">
          {online ? t('evidence.queueOnline', { count: queue.waiting }) : t('evidence.queueOffline', { count: queue.waiting })}
        </p>
      )}
      {queue.refused.length > 0 && (
        <div className="field__error" role="alert">
          {queue.refused.map((r) => (
            <p key={r.fileName}>{t('evidence.refused', { name: r.fileName, reason: refusalReason(r) })}</p>
          ))}
          <button type="button" className="button button--small" onClick={() => void dismissRefused(reportId)}>{t('evidence.dismiss')}</button>
        </div>
      )}
    </section>
  );
}
