/**
 * Inserting an image (from the toolbar, a paste or a drop) and editing one. The picture is cleaned on this device
 * first (stripImageMetadata: EXIF, GPS, XMP, text chunks dropped) and the dialog says so; it inserts nothing until
 * the image has alternative text or is explicitly marked decorative. The file waits in the upload queue, so
 * inserting works offline too.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { newUuid } from '../../../../shared/api/uuid.ts';
import type { ImageAttrs } from '../../../../shared/schema/image.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useReview } from '../review/ReviewContext.tsx';
import { setImageRequestHost, type ImageRequest } from './imageRequests.ts';
import { isStrippableImage, stripImageMetadata, type StrippedImage } from './stripImageMetadata.ts';
import { queueUpload } from './uploadQueue.ts';
import './evidence.css';

/** The server's default ATTACHMENT_MAX_BYTES; a larger file would be refused there. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const WIDTHS = [25, 50, 75, 100];

type Prepared = { state: 'none' } | { state: 'working' } | { state: 'ready'; image: StrippedImage; url: string } | { state: 'error'; message: string };

function ImageForm({ editor, reportId, request, onClose }: { editor: Editor; reportId: string; request: ImageRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const editing = request.mode === 'edit' ? request.attrs : null;
  const [prepared, setPrepared] = useState<Prepared>({ state: 'none' });
  const [alt, setAlt] = useState(editing?.alt ?? '');
  const [decorative, setDecorative] = useState(editing?.decorative ?? false);
  const [caption, setCaption] = useState(editing?.caption ?? '');
  const [width, setWidth] = useState(editing?.width ?? 100);
  const [tried, setTried] = useState(false);

  const prepare = (file: File | null) => {
    if (!file) return;
    if (!isStrippableImage(file.type)) {
      setPrepared({ state: 'error', message: t('image.wrongType') });
      return;
    }
    setPrepared({ state: 'working' });
    stripImageMetadata(file, file.name || 'image').then(
      (image) =>
        image.blob.size > MAX_IMAGE_BYTES
          ? setPrepared({ state: 'error', message: t('image.tooLarge') })
          : setPrepared({ state: 'ready', image, url: URL.createObjectURL(image.blob) }),
      () => setPrepared({ state: 'error', message: t('image.unreadable') }),
    );
  };

  useEffect(() => {
    if (request.mode === 'insert') prepare(request.file);
    // Only for the request that opened the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  useEffect(() => () => void (prepared.state === 'ready' && URL.revokeObjectURL(prepared.url)), [prepared]);

  const described = decorative || alt.trim() !== '';
  const attrs = (): Partial<ImageAttrs> => ({ alt: decorative ? '' : alt.trim(), decorative, caption: caption.trim(), width });

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!described) return;
    if (request.mode === 'edit') {
      const pos = request.pos;
      editor.chain().focus().command(({ tr }) => {
        const node = tr.doc.nodeAt(pos);
        if (!node) return false;
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs() });
        return true;
      }).run();
      onClose();
      return;
    }
    if (prepared.state !== 'ready') return;
    const pending = newUuid();
    await queueUpload({ id: pending, reportId, blob: prepared.image.blob, fileName: prepared.image.fileName, kind: 'image' });
    editor.chain().focus().insertImage({ ...attrs(), pending }).run();
    onClose();
  };

  const altError = tried && !described ? t('image.altRequired') : null;
  return (
    <form className="form image-form" onSubmit={(e) => void handleSubmit(e)} noValidate>
      {request.mode === 'insert' && (
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('image.file')}</label>
          <input id={`${id}-file`} className="file-input" type="file" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => prepare(e.target.files?.[0] ?? null)} />
          {prepared.state === 'working' && <p className="field__help" role="status">{t('image.stripping')}</p>}
          {prepared.state === 'error' && <p className="field__error" role="alert">{prepared.message}</p>}
          {prepared.state === 'ready' && (
            <div className="image-form__preview">
              <img src={prepared.url} alt="" />
              <p className="image-form__stripped" role="status" data-testid="metadata-removed">
                {t('image.stripped')}
              </p>
            </div>
          )}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-alt`}>{t('image.alt')}</label>
        <textarea
          id={`${id}-alt`}
          className="input textarea"
          rows={3}
          value={alt}
          disabled={decorative}
          maxLength={1000}
          onChange={(e) => setAlt(e.target.value)}
          aria-invalid={altError ? true : undefined}
          aria-describedby={`${id}-alt-help${altError ? ` ${id}-alt-error` : ''}`}
          data-autofocus={request.mode === 'edit' ? '' : undefined}
        />
        <p id={`${id}-alt-help`} className="field__help">
          {t('image.altHelp')}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />
          {t('image.decorative')}
        </label>
        {altError && <p id={`${id}-alt-error`} className="field__error" role="alert">{altError}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-caption`}>{t('image.caption')}</label>
        <input id={`${id}-caption`} className="input" value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-width`}>{t('image.width')}</label>
        <select id={`${id}-width`} className="input select" value={WIDTHS.includes(width) ? width : width} onChange={(e) => setWidth(Number(e.target.value))}>
          {[...new Set([...WIDTHS, width])].sort((a, b) => a - b).map((w) => (
            <option key={w} value={w}>{w === 100 ? t('image.fullWidth') : t('image.percentWidth', { percent: w })}</option>
          ))}
        </select>
      </div>
      <div className="dialog-footer">
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="button button--primary" disabled={request.mode === 'insert' && prepared.state !== 'ready'}>
            {request.mode === 'insert' ? t('image.insert') : t('image.save')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** Mounted beside an editable editor: opens the dialog when the editor asks. */
export function ImageDialogHost({ editor, reportId }: { editor: Editor; reportId: string }) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ImageRequest | null>(null);
  // The server keeps images unencrypted and refuses them for an end-to-end encrypted report (409 encrypted_report):
  // the dialog says so instead of queueing an upload that could never go.
  const encrypted = useReview()?.session.encrypted ?? false;
  useEffect(() => {
    setImageRequestHost(editor, setRequest);
    return () => setImageRequestHost(editor, null);
  }, [editor]);
  if (encrypted) {
    return (
      <Dialog open={request !== null} onClose={() => setRequest(null)} title={t('image.insert')} className="image-dialog">
        <p data-testid="image-encrypted">{t('e2eeLeaks.images.encrypted')}</p>
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => setRequest(null)}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog open={request !== null} onClose={() => setRequest(null)} title={request?.mode === 'edit' ? t('image.editTitle') : t('image.insert')} className="image-dialog">
      {request && <ImageForm editor={editor} reportId={reportId} request={request} onClose={() => setRequest(null)} />}
    </Dialog>
  );
}
