/**
 * The Testimony panel: the report's testimony records (pseudonym, who took it and when, consent and its dates,
 * withdrawal), each witness's real name and contact for owners and editors (kept on the server, never in the
 * report), the passages flagged because consent lapsed, the sensitive names and the internal-only sections.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Role } from '../../../../shared/api/roles.ts';
import { atLeast } from '../../../../shared/api/roles.ts';
import {
  CONSENTS,
  addTestimony,
  consentState,
  removeTestimony,
  updateTestimony,
  withdrawConsent,
  type Consent,
  type TestimonyRecord,
} from '../../../../shared/report/testimony.ts';
import { useOutline } from '../outline/useOutline.ts';
import { useReportUiStore } from '../../stores/reportUiStore.ts';
import { useTreatyUiStore } from '../treaty/treatyUiStore.ts';
import { describeError } from '../../api/http.ts';
import { formatDateIn } from '../../i18n/format.ts';
import { activeEditor } from './activeEditor.ts';
import { fetchContacts, removeContact, saveContact, type TestimonyContact } from './contactsApi.ts';
import { useLapsedPassages, useTestimony } from './useTestimony.ts';
import { SensitiveNamesEditor } from './SensitiveNamesEditor.tsx';
import { InternalSections } from './InternalSections.tsx';

export const TESTIMONY_ORIGIN = 'testimony-panel';

interface PanelProps {
  doc: Y.Doc;
  reportId: string;
  role: Role | null;
  canEdit: boolean;
  userName: string;
  online: boolean;
  /**
   * An end-to-end encrypted report: real names and contacts are kept on the server in the clear, so the server
   * refuses them for it (409 `encrypted_report`) and the panel neither asks for nor offers them.
   */
  encrypted?: boolean;
  onClose: () => void;
}

/** A text field that writes to the report when it loses focus (never on every key, so spaces survive typing). */
function CommitInput({ value, onCommit, ...rest }: { value: string; onCommit: (v: string) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      {...rest}
      className="input"
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => draft !== value && onCommit(draft)}
      onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
    />
  );
}

export function TestimonyPanel({ doc, reportId, role, canEdit, userName, online, encrypted = false, onClose }: PanelProps) {
  const { t } = useTranslation();
  const { records, names, internalSections } = useTestimony(doc);
  const lapsed = useLapsedPassages(doc);
  const sections = useOutline(doc);
  const selectSection = useReportUiStore((s) => s.selectSection);
  const setView = useTreatyUiStore((s) => s.setView);
  const confidential = atLeast(role, 'editor') && !encrypted;
  const [contacts, setContacts] = useState<Map<string, TestimonyContact> | null>(null);
  const [contactError, setContactError] = useState<string | null>(null);
  const [linkNote, setLinkNote] = useState<string | null>(null);

  useEffect(() => {
    if (!confidential || !online) return;
    let live = true;
    fetchContacts(reportId).then(
      (list) => live && setContacts(new Map(list.map((c) => [c.testimonyId, c]))),
      (err) => live && setContactError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [confidential, online, reportId]);

  const show = (sectionId: string) => {
    selectSection(sectionId);
    setView('sections');
    onClose();
  };

  const link = (record: TestimonyRecord) => {
    const editor = activeEditor();
    if (!editor || editor.state.selection.empty) {
      setLinkNote(t('testimony.selectFirst'));
      return;
    }
    editor.chain().linkTestimony(record.id).run();
    setLinkNote(null);
    onClose();
  };

  const withdraw = (record: TestimonyRecord) => {
    if (!window.confirm(t('testimony.confirmWithdraw', { pseudonym: record.pseudonym }))) return;
    withdrawConsent(doc, record.id, userName, new Date(), TESTIMONY_ORIGIN);
  };

  const remove = async (record: TestimonyRecord) => {
    if (!window.confirm(t('testimony.confirmRemove', { pseudonym: record.pseudonym }))) return;
    if (confidential && contacts?.has(record.id)) {
      try {
        await removeContact(reportId, record.id);
      } catch (err) {
        setContactError(describeError(err));
        return;
      }
    }
    removeTestimony(doc, record.id, TESTIMONY_ORIGIN);
  };

  return (
    <div className="testimony-panel" data-testid="testimony-panel">
      <p className="testimony-panel__intro muted">
        {t('testimony.intro')}
      </p>

      {lapsed.length > 0 && (
        <section className="testimony-flags" role="alert" data-testid="testimony-flags">
          <h3>
            {t('testimony.lapsedTitle', { count: lapsed.length })}
          </h3>
          <ul>
            {lapsed.map((p, i) => (
              <li key={`${p.sectionId}-${i}`}>
                {t('testimony.lapsedItem', { testimony: p.testimony, section: p.section, excerpt: p.excerpt, reason: p.reason })}{' '}
                <button type="button" className="button button--ghost button--small" onClick={() => show(p.sectionId)}>
                  {t('testimony.show')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="testimony-records-title">
        <h3 id="testimony-records-title">{t('testimony.title')}</h3>
        {linkNote && (
          <p className="field__help" role="status">
            {linkNote}
          </p>
        )}
        {contactError && (
          <p className="field__error" role="alert">
            {contactError}
          </p>
        )}
        {confidential && !online && <p className="field__help">{t('testimony.offlineContacts')}</p>}
        {encrypted && atLeast(role, 'editor') && (
          <p className="field__help" data-testid="testimony-contacts-encrypted">
            {t('e2eeLeaks.testimony.noContacts')}
          </p>
        )}
        {records.length === 0 ? (
          <p className="muted">{t('testimony.none')}</p>
        ) : (
          <ul className="testimony-records">
            {records.map((record) => (
              <RecordItem
                key={record.id}
                doc={doc}
                reportId={reportId}
                record={record}
                canEdit={canEdit}
                contact={confidential && online ? (contacts?.get(record.id) ?? null) : undefined}
                onContactSaved={(c) => setContacts((m) => new Map(m ?? []).set(c.testimonyId, c))}
                onLink={() => link(record)}
                onWithdraw={() => withdraw(record)}
                onRemove={() => void remove(record)}
              />
            ))}
          </ul>
        )}
        {canEdit && (
          <p>
            <button type="button" className="button button--small" onClick={() => addTestimony(doc, { takenBy: userName, takenOn: new Date().toISOString().slice(0, 10) }, TESTIMONY_ORIGIN)}>
              {t('testimony.add')}
            </button>
          </p>
        )}
      </section>

      <SensitiveNamesEditor doc={doc} names={names} canEdit={canEdit} />
      <InternalSections doc={doc} sections={sections} internal={internalSections} canEdit={canEdit} />
    </div>
  );
}

function RecordItem({
  doc,
  reportId,
  record,
  canEdit,
  contact,
  onContactSaved,
  onLink,
  onWithdraw,
  onRemove,
}: {
  doc: Y.Doc;
  reportId: string;
  record: TestimonyRecord;
  canEdit: boolean;
  /** undefined: this person may not see it (or is offline); null: none kept yet. */
  contact: TestimonyContact | null | undefined;
  onContactSaved: (c: TestimonyContact) => void;
  onLink: () => void;
  onWithdraw: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const state = consentState(record);
  const set = (fields: Parameters<typeof updateTestimony>[2]) => updateTestimony(doc, record.id, fields, TESTIMONY_ORIGIN);
  const stateLabel = state === 'withdrawn' ? t('testimony.state.withdrawn') : state === 'expired' ? t('testimony.state.expired', { date: record.expiresOn }) : t('testimony.state.valid');
  return (
    <li className={`testimony-record${state === 'valid' ? '' : ' testimony-record--lapsed'}`} data-testid="testimony-record">
      <div className="testimony-record__head">
        <strong>{record.pseudonym}</strong>
        <span className={`testimony-record__state${state === 'valid' ? '' : ' testimony-record__state--lapsed'}`}>{stateLabel}</span>
      </div>
      <div className="testimony-fields">
        <label>
          {t('testimony.field.pseudonym')}
          <CommitInput value={record.pseudonym} onCommit={(v) => set({ pseudonym: v })} disabled={!canEdit} maxLength={200} />
        </label>
        <label>
          {t('testimony.field.consent')}
          <select className="input" value={record.consent} disabled={!canEdit} onChange={(e) => set({ consent: e.target.value as Consent })}>
            {CONSENTS.map((c) => (
              <option key={c} value={c}>
                {t(`testimony.consent.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('testimony.field.takenBy')}
          <CommitInput value={record.takenBy} onCommit={(v) => set({ takenBy: v })} disabled={!canEdit} maxLength={200} />
        </label>
        <label>
          {t('testimony.field.takenOn')}
          <input type="date" className="input" value={record.takenOn} disabled={!canEdit} onChange={(e) => set({ takenOn: e.target.value })} />
        </label>
        <label>
          {t('testimony.field.consentOn')}
          <input type="date" className="input" value={record.consentOn} disabled={!canEdit} onChange={(e) => set({ consentOn: e.target.value })} />
        </label>
        <label>
          {t('testimony.field.expiresOn')}
          <input type="date" className="input" value={record.expiresOn} disabled={!canEdit} onChange={(e) => set({ expiresOn: e.target.value })} />
        </label>
      </div>
      {record.withdrawnAt && (
        <p className="field__help">
          {t('testimony.withdrawnBy', {
            name: record.withdrawnBy || t('editor.someone'),
            when: formatDateIn(new Date(record.withdrawnAt), { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
      )}
      {contact !== undefined && <PrivateFields key={id} reportId={reportId} testimonyId={record.id} contact={contact} canEdit={canEdit} onSaved={onContactSaved} />}
      {canEdit && (
        <div className="testimony-record__actions">
          <button type="button" className="button button--small" onClick={onLink} data-testid="testimony-link">
            {t('testimony.link')}
          </button>
          {!record.withdrawnAt && (
            <button type="button" className="button button--small" onClick={onWithdraw} data-testid="testimony-withdraw">
              {t('testimony.withdraw')}
            </button>
          )}
          <button type="button" className="button button--ghost button--small" onClick={onRemove}>
            {t('evidence.remove')}
          </button>
        </div>
      )}
    </li>
  );
}

function PrivateFields({ reportId, testimonyId, contact, canEdit, onSaved }: { reportId: string; testimonyId: string; contact: TestimonyContact | null; canEdit: boolean; onSaved: (c: TestimonyContact) => void }) {
  const { t } = useTranslation();
  const [realName, setRealName] = useState(contact?.realName ?? '');
  const [detail, setDetail] = useState(contact?.contact ?? '');
  const [phase, setPhase] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  // The contacts arrive from the server after the panel opens.
  useEffect(() => {
    setRealName(contact?.realName ?? '');
    setDetail(contact?.contact ?? '');
  }, [contact?.realName, contact?.contact]);
  const changed = realName !== (contact?.realName ?? '') || detail !== (contact?.contact ?? '');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setPhase({ kind: 'saving' });
    try {
      onSaved(await saveContact(reportId, testimonyId, { realName, contact: detail }));
      setPhase({ kind: 'saved' });
    } catch (err) {
      setPhase({ kind: 'error', message: describeError(err) });
    }
  };
  return (
    <form className="testimony-private testimony-fields" onSubmit={submit} data-testid="testimony-private">
      <label>
        {t('testimony.field.realName')}
        <input className="input" value={realName} onChange={(e) => setRealName(e.target.value)} disabled={!canEdit} maxLength={200} autoComplete="off" />
      </label>
      <label>
        {t('testimony.field.contact')}
        <input className="input" value={detail} onChange={(e) => setDetail(e.target.value)} disabled={!canEdit} maxLength={500} autoComplete="off" />
      </label>
      {canEdit && (
        <div className="testimony-record__actions">
          <button type="submit" className="button button--small" disabled={!changed || phase.kind === 'saving'}>
            {phase.kind === 'saving' ? t('testimony.saving') : t('testimony.saveOnServer')}
          </button>
          {phase.kind === 'saved' && !changed && <span className="muted" role="status">{t('testimony.saved')}</span>}
          {phase.kind === 'error' && (
            <span className="field__error" role="alert">
              {phase.message}
            </span>
          )}
        </div>
      )}
    </form>
  );
}
