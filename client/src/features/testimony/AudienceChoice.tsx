/**
 * The export dialog's audience: a public submission or the committee only (confidential), and what to do with a
 * passage whose consent does not cover it (stop, or leave it out), with the list of what is left out and why.
 */
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { auditExport } from '../../../../shared/export/audience.ts';
import { exportInputFromDoc, type ExportInput } from '../../../../shared/export/input.ts';
import type { ExportOptions } from '../../../../shared/export/options.ts';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';
import { listSensitiveNames } from '../../../../shared/report/testimony.ts';
import { replaceSensitiveNames } from '../../../../shared/report/sensitiveNameMatch.ts';
import { t as translate } from '../../i18n/i18n.ts';
import { exclusionLine } from './exclusionText.ts';

/** The report's title as an export prints it (and names the file): sensitive names replaced. */
export function exportedTitle(doc: Y.Doc, title: string): string {
  return replaceSensitiveNames(title, listSensitiveNames(doc));
}
import './testimony.css';

/** Why this export may not go ahead as chosen (onConsent "block" with passages it does not cover), or null. */
export function consentProblem(input: ExportInput, options: ExportOptions): string | null {
  if (options.onConsent !== 'block') return null;
  const blocking = auditExport(input, options.audience).filter((e) => e.blocking);
  if (blocking.length === 0) return null;
  return `${translate('audience.blocked', { count: blocking.length })}\n${blocking.map(exclusionLine).join('\n')}`;
}

export function AudienceChoice({
  doc,
  options,
  onChange,
  disabled,
}: {
  doc: Y.Doc;
  options: ExportOptions;
  onChange: <K extends 'audience' | 'onConsent'>(key: K, value: ExportOptions[K]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A report marked confidential goes to the committee unless the person says otherwise.
  useEffect(() => {
    if (getCoverFields(doc).confidentiality === 'confidential') onChange('audience', 'committee');
    // Once, when the dialog opens.
  }, [doc]);
  const exclusions = useMemo(() => auditExport(exportInputFromDoc(doc), options.audience), [doc, options.audience]);
  const blocking = exclusions.filter((e) => e.blocking);
  return (
    <fieldset className="choice-group" disabled={disabled} data-testid="export-audience">
      <legend className="choice-group__legend">{t('audience.legend')}</legend>
      <label className="check">
        <input type="radio" name={`${id}-audience`} checked={options.audience === 'public'} onChange={() => onChange('audience', 'public')} />
        <span>{t('audience.public')}</span>
      </label>
      <label className="check">
        <input type="radio" name={`${id}-audience`} checked={options.audience === 'committee'} onChange={() => onChange('audience', 'committee')} />
        <span>{t('audience.committee')}</span>
      </label>
      {exclusions.length > 0 && (
        <div className="field__help" data-testid="export-exclusions">
          {blocking.length > 0 && options.onConsent === 'block' ? t('audience.stops') : t('audience.leftOut')}
          <ul className="export-audience__list">
            {exclusions.map((e, i) => (
              <li key={i}>{exclusionLine(e)}</li>
            ))}
          </ul>
        </div>
      )}
      {blocking.length > 0 && (
        <>
          <label className="check">
            <input type="radio" name={`${id}-consent`} checked={options.onConsent === 'block'} onChange={() => onChange('onConsent', 'block')} />
            <span>{t('audience.block')}</span>
          </label>
          <label className="check">
            <input type="radio" name={`${id}-consent`} checked={options.onConsent === 'leave-out'} onChange={() => onChange('onConsent', 'leave-out')} data-testid="export-leave-out" />
            <span>{t('audience.leaveOut')}</span>
          </label>
        </>
      )}
    </fieldset>
  );
}
