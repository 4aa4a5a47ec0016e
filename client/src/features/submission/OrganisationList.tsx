/**
 * The submitting organisations, in the order the cover page lists them: a coalition's report shows the coalition's
 * list (read-only here) until it lists its own (add, rename, move, remove), and each organisation's sign-on.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addOrganisation, moveOrganisation, removeOrganisation, renameOrganisation, type SubmissionType } from '../../../../shared/report/coverFields.ts';
import type { SignOnResponse, SignOnStatus as Status } from '../../../../shared/report/signOn.ts';
import { SignOnStatus } from './SignOnStatus.tsx';
import { SharedTextField } from '../treaty/SharedTextField.tsx';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';

export interface SignOnControls {
  /** The sign-on with the report's own list as it is now; null until the server has been asked once. */
  signOn: SignOnResponse | null;
  /** Owners and editors, online. */
  canConfirm: boolean;
  busy: string | null;
  error: string;
  change: (organisation: string, status: Status) => void;
  /** An end-to-end encrypted report: the server keeps no sign-on for it, so its own list is all there is. */
  encrypted?: boolean;
}

export function OrganisationList({
  doc,
  organisations,
  submissionType,
  disabled,
  signOn: controls,
}: {
  doc: Y.Doc;
  organisations: string[];
  submissionType: SubmissionType | null;
  disabled: boolean;
  signOn: SignOnControls;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const { signOn } = controls;
  const entryOf = (org: string) => (signOn?.required ? signOn.organisations.find((o) => o.name === org) : undefined);
  const status = (org: string) => {
    const entry = entryOf(org);
    return entry ? <SignOnStatus entry={entry} canConfirm={controls.canConfirm} busy={controls.busy === org} onChange={(s) => controls.change(org, s)} /> : null;
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    addOrganisation(doc, name);
    setAnnouncement(t('submission.organisations.added', { name: name.trim() }));
    setName('');
  };
  const move = (index: number, org: string, delta: -1 | 1) => {
    moveOrganisation(doc, index, org, index + delta);
    setAnnouncement(t('submission.organisations.moved', { name: org, position: index + delta + 1, count: organisations.length }));
    // Keep focus on the same control of the moved row.
    requestAnimationFrame(() => document.getElementById(`org-${index + delta}-${delta < 0 ? 'up' : 'down'}`)?.focus());
  };
  const needed = submissionType === 'joint' ? t('submission.organisations.neededJoint') : t('submission.organisations.neededOne');
  const fromCoalition = signOn?.source === 'coalition';
  const useOwnList = () => {
    for (const org of signOn?.organisations ?? []) addOrganisation(doc, org.name);
    setAnnouncement(t('submission.organisations.nowOwn'));
  };
  const useCoalitionList = () => {
    for (let i = organisations.length - 1; i >= 0; i--) removeOrganisation(doc, i, organisations[i]!);
    setAnnouncement(t('submission.organisations.nowCoalition'));
  };
  return (
    <fieldset className="fieldset organisations">
      <legend>{t('submission.organisations.title')}</legend>
      {signOn?.required ? (
        <p className="field__help">
          {fromCoalition ? t('submission.organisations.helpCoalition') : t('submission.organisations.helpOwn')}
        </p>
      ) : (
        <p className="field__help">{t('submission.organisations.help', { needed })}</p>
      )}
      {controls.encrypted && (
        <p className="field__help" data-testid="sign-on-encrypted">
          {t('e2eeLeaks.signOn.encrypted')}
        </p>
      )}
      {controls.error && (
        <p className="field__error" role="alert">
          {controls.error}
        </p>
      )}
      {fromCoalition ? (
        <>
          {signOn.organisations.length > 0 ? (
            <ol className="organisations__list">
              {signOn.organisations.map((entry, i) => (
                <li key={entry.name} className="organisations__item organisations__item--coalition" data-testid="organisation">
                  <span className="organisations__number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="organisations__name">{entry.name}</span>
                  {status(entry.name)}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted organisations__empty">{t('submission.organisations.coalitionEmpty')}</p>
          )}
          {!disabled && (
            <button type="button" className="button organisations__switch" onClick={useOwnList}>
              {t('submission.organisations.useOwn')}
            </button>
          )}
        </>
      ) : organisations.length > 0 ? (
        <ol className="organisations__list">
          {organisations.map((org, i) => (
            <li key={`${i}:${org}`} className="organisations__item" data-testid="organisation">
              <span className="organisations__number" aria-hidden="true">
                {i + 1}
              </span>
              <SharedTextField
                value={org}
                readOnly={disabled}
                aria-label={t('submission.organisations.nth', { n: i + 1 })}
                maxLength={200}
                onCommit={(to) => to && renameOrganisation(doc, i, org, to)}
              />
              {status(org)}
              {!disabled && (
                <span className="organisations__actions">
                  <button id={`org-${i}-up`} type="button" className="icon-button" aria-label={t('submission.organisations.moveUp', { name: org })} disabled={i === 0} onClick={() => move(i, org, -1)}>
                    <TreatyIcon name="up" size={16} />
                  </button>
                  <button
                    id={`org-${i}-down`}
                    type="button"
                    className="icon-button"
                    aria-label={t('submission.organisations.moveDown', { name: org })}
                    disabled={i === organisations.length - 1}
                    onClick={() => move(i, org, 1)}
                  >
                    <TreatyIcon name="down" size={16} />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={t('submission.organisations.remove', { name: org })}
                    onClick={() => {
                      removeOrganisation(doc, i, org);
                      setAnnouncement(t('submission.organisations.removed', { name: org }));
                    }}
                  >
                    <TreatyIcon name="cross" size={16} />
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted organisations__empty">{t('submission.organisations.empty')}</p>
      )}
      {!disabled && !fromCoalition && (
        <form className="inline-fields organisations__add" onSubmit={add}>
          <label htmlFor="org-new" className="visually-hidden">
            {t('submission.organisations.toAdd')}
          </label>
          <input id="org-new" className="input" value={name} maxLength={200} placeholder={t('submission.organisations.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={!name.trim()}>
            {t('submission.organisations.add')}
          </button>
        </form>
      )}
      {!disabled && signOn?.coalitionOrganisations && !fromCoalition && (
        <button type="button" className="button organisations__switch" onClick={useCoalitionList}>
          {t('submission.organisations.useCoalition')}
        </button>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
