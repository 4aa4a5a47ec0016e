/**
 * The toolbar of suggesting mode (the formatting toolbar is hidden then): formatting, a new paragraph or table row, deleting
 * the paragraph, list item or table row at the caret, and a footnote, each made a suggestion through the
 * editor handle (client/src/editor/review/suggestStructure.ts). Keyboard: Ctrl+B / Ctrl+I / Ctrl+U on a
 * selection, Enter at the end of a paragraph.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseHref } from '../../../../shared/schema/linkPolicy.ts';
import { Icon, type IconName } from '../../ui/Icon.tsx';
import { useReviewStore } from './reviewStore.ts';
import { SuggestRowForm } from './SuggestRowForm.tsx';
import './suggestTools.css';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';
const NONE = { inList: false, inTable: false, tableColumns: [] as string[], hasSelection: false };

type Form = 'link' | 'footnote' | 'row' | null;

export function SuggestTools({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const handle = useReviewStore((s) => (s.editor?.sectionId === sectionId ? s.editor : null));
  const [form, setForm] = useState<Form>(null);
  // The context as a string, so the snapshot is stable between transactions that do not change it.
  const key = useSyncExternalStore(
    (l) => (handle ? handle.subscribe(l) : () => undefined),
    () => JSON.stringify(handle?.structureContext() ?? NONE),
  );
  const context = JSON.parse(key) as typeof NONE;
  // The new-row form belongs to the table at the caret: it closes when the caret leaves every table.
  useEffect(() => {
    if (form === 'row' && !context.inTable) setForm(null);
  }, [form, context.inTable]);
  if (!handle) return null;

  const button = (icon: IconName | null, label: string, run: () => void, options: { disabled?: boolean; shortcut?: string; text?: string } = {}) => (
    <button
      type="button"
      className={icon ? 'toolbar__button' : 'toolbar__text-button'}
      aria-label={label}
      title={options.shortcut ? t('suggest.withShortcut', { label, shortcut: options.shortcut }) : label}
      disabled={options.disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {icon ? <Icon name={icon} /> : options.text}
    </button>
  );

  return (
    <div className="suggest-tools" data-testid="suggest-tools">
      <div className="suggest-tools__bar" role="toolbar" aria-label={t('suggest.toolbar')}>
        <div className="toolbar__group">
          {button('bold', t('suggest.bold'), () => handle.suggest({ kind: 'format', mark: 'bold' }), { disabled: !context.hasSelection, shortcut: `${MOD}B` })}
          {button('italic', t('suggest.italic'), () => handle.suggest({ kind: 'format', mark: 'italic' }), { disabled: !context.hasSelection, shortcut: `${MOD}I` })}
          {button('link', t('suggest.link'), () => setForm('link'), { disabled: !context.hasSelection })}
          {button('footnote', t('suggest.footnote'), () => setForm('footnote'))}
        </div>
        <div className="toolbar__group">
          {button(null, t('suggest.newParagraph'), () => handle.suggest({ kind: 'newBlock' }), { text: t('suggest.newParagraphShort'), shortcut: t('suggest.newParagraphKey') })}
          {button(null, t('suggest.deleteParagraph'), () => handle.suggest({ kind: 'deleteBlock', block: 'paragraph' }), { text: t('suggest.deleteParagraphShort'), disabled: context.inList || context.inTable })}
          {context.inList && button(null, t('suggest.deleteListItem'), () => handle.suggest({ kind: 'deleteBlock', block: 'listItem' }), { text: t('suggest.deleteListItemShort') })}
          {context.inTable && button(null, t('suggest.newRow'), () => setForm('row'), { text: t('suggest.newRowShort') })}
          {context.inTable && button(null, t('suggest.deleteRow'), () => handle.suggest({ kind: 'deleteBlock', block: 'tableRow' }), { text: t('suggest.deleteRowShort') })}
        </div>
      </div>
      {form === 'row' && (
        <SuggestRowForm
          columns={context.tableColumns}
          onSubmit={(cells) => {
            handle.suggest({ kind: 'newRow', cells });
            setForm(null);
            handle.focus();
          }}
          onClose={() => {
            setForm(null);
            handle.focus();
          }}
        />
      )}
      {(form === 'link' || form === 'footnote') && (
        <SuggestForm
          kind={form}
          onSubmit={(value) => {
            if (form === 'link') handle.suggest({ kind: 'format', mark: 'link', href: value });
            else handle.suggest({ kind: 'footnote', text: value });
            setForm(null);
            handle.focus();
          }}
          onClose={() => {
            setForm(null);
            handle.focus();
          }}
        />
      )}
    </div>
  );
}

function SuggestForm({ kind, onSubmit, onClose }: { kind: 'link' | 'footnote'; onSubmit: (value: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  const id = `suggest-${kind}`;

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'link') {
      const url = normaliseHref(value);
      if (!url) return setError(t('suggest.linkInvalid'));
      onSubmit(url);
    } else {
      if (!value.trim()) return setError(t('suggest.footnoteEmpty'));
      onSubmit(value.trim());
    }
  };

  return (
    <form
      className="link-form suggest-tools__form"
      onSubmit={handleSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <label htmlFor={id} className="link-form__label">
        {kind === 'link' ? t('suggest.linkLabel') : t('suggest.footnoteLabel')}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="input link-form__input"
        type="text"
        inputMode={kind === 'link' ? 'url' : 'text'}
        placeholder={kind === 'link' ? 'https://' : t('suggest.footnotePlaceholder')}
        maxLength={kind === 'link' ? 2048 : 2000}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="button button--primary button--small">
        {t('suggest.submit')}
      </button>
      <button type="button" className="button button--small button--ghost" onClick={onClose}>
        {t('common.cancel')}
      </button>
      {error && (
        <p id={`${id}-error`} className="link-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
