/**
 * "Who writes it": just me, or one of the account's coalitions, whose members get their coalition role on the new
 * report. Used by the New report dialog and by a new report made from a Word document.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { atLeast } from '../../../../shared/api/roles.ts';
import { useCoalitions } from './useCoalitions.ts';

/** The "Just me" choice: no coalition. */
export const JUST_ME = '';

export interface CoalitionChoiceProps {
  /** Radio group name; also the prefix of the error and help ids (`<name>-error`, `<name>-help`). */
  name: string;
  /** A coalition id, or JUST_ME. */
  value: string;
  onChange: (coalitionId: string) => void;
  error?: string;
  /** A line under the choices about how the report is made. */
  help?: ReactNode;
}

export function CoalitionChoice({ name, value, onChange, error, help }: CoalitionChoiceProps) {
  const { t } = useTranslation();
  const { coalitions } = useCoalitions();
  const describedBy = [error ? `${name}-error` : null, help ? `${name}-help` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field choice-group" aria-describedby={describedBy}>
      <legend>{t('coalitionChoice.legend')}</legend>
      <label className="choice">
        <input type="radio" name={name} value={JUST_ME} checked={value === JUST_ME} onChange={() => onChange(JUST_ME)} />
        <span>
          <span className="choice__label">{t('coalitionChoice.justMe')}</span>
          <span className="choice__help">{t('coalitionChoice.justMeHelp')}</span>
        </span>
      </label>
      {(coalitions ?? []).map((c) => {
        // The server refuses a report for a coalition where one's role is below editor; say so before asking.
        const barred = c.me !== undefined && !atLeast(c.me.role, 'editor');
        return (
          <label key={c.id} className="choice">
            <input type="radio" name={name} value={c.id} checked={value === c.id} disabled={barred} onChange={() => onChange(c.id)} />
            <span>
              <span className="choice__label">{c.name}</span>
              <span className="choice__help">
                {barred
                  ? t('coalitionChoice.barred', { role: c.me!.role })
                  : t('coalitionChoice.membersHelp')}
              </span>
            </span>
          </label>
        );
      })}
      {error && (
        <p id={`${name}-error`} className="field__error">
          {error}
        </p>
      )}
      {help && (
        <p id={`${name}-help`} className="field__help">
          {help}
        </p>
      )}
    </fieldset>
  );
}
