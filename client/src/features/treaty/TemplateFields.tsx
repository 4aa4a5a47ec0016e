/**
 * The New report dialog's template choice: the mechanism's templates (its own first) or a blank report, and for
 * the UPR whether one organisation submits or several (it sets the word limit). Light: it names and describes
 * templates from the catalogue (shared/templates/catalogue.ts) and never loads the section lists or the taxonomy.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateText } from './templateText.ts';
import type { Mechanism } from '../../../../shared/api/mechanisms.ts';
import type { SubmissionType } from '../../../../shared/report/submissionTypes.ts';
import { defaultTemplateFor, templateFits, templatesFor, type TemplateId } from '../../../../shared/templates/templateIds.ts';
import type { TemplateChoice } from './createFromTemplate.ts';
import './treaty.css';

const BLANK = 'blank';

/**
 * The choice made so far: null picks the mechanism's default template. The UPR submission type, until chosen
 * here, follows the coalition: joint when the report's coalition names more than one organisation, else individual.
 */
export function useTemplateChoice(mechanism: Mechanism | '', coalitionOrganisations = 0) {
  const { t } = useTranslation();
  const [pick, setPick] = useState<TemplateId | typeof BLANK | null>(null);
  const [chosenType, setType] = useState<SubmissionType | null>(null);
  const coalitionJoint = coalitionOrganisations > 1;
  const type: SubmissionType = chosenType ?? (coalitionJoint ? 'joint' : 'individual');
  const template: TemplateId | null = !mechanism
    ? null
    : pick === BLANK
      ? null
      : pick && templateFits(pick, mechanism)
        ? pick
        : defaultTemplateFor(mechanism);
  // Only the UPR asks here (its limit depends on it); other mechanisms' cover form sets it for a coalition's report.
  const choice: TemplateChoice = { template, submissionType: mechanism === 'UPR' ? type : null };
  const fields = mechanism ? (
    <>
      <fieldset className="field template-choice">
        <legend>{t('template.startFrom')}</legend>
        {templatesFor(mechanism).map((id) => (
          <label key={id} className={`template-choice__option${template === id ? ' template-choice__option--on' : ''}`}>
            <input type="radio" name="new-template" value={id} checked={template === id} onChange={() => setPick(id)} />
            <span>
              <span className="template-choice__label">{templateText(id, t).name}</span>
              <span className="template-choice__help">{templateText(id, t).summary}</span>
            </span>
          </label>
        ))}
        <label className={`template-choice__option${template === null ? ' template-choice__option--on' : ''}`}>
          <input type="radio" name="new-template" value={BLANK} checked={template === null} onChange={() => setPick(BLANK)} />
          <span>
            <span className="template-choice__label">{t('template.blank')}</span>
            <span className="template-choice__help">{t('template.blankHelp')}</span>
          </span>
        </label>
      </fieldset>
      {mechanism === 'UPR' && (
        <fieldset className="field template-choice">
          <legend>{t('template.submittedBy')}</legend>
          <label className={`template-choice__option${type === 'individual' ? ' template-choice__option--on' : ''}`}>
            <input type="radio" name="new-submission-type" value="individual" checked={type === 'individual'} onChange={() => setType('individual')} />
            <span>
              <span className="template-choice__label">{t('template.individual')}</span>
              <span className="template-choice__help">{t('template.individualHelp', { words: 2815 })}</span>
            </span>
          </label>
          <label className={`template-choice__option${type === 'joint' ? ' template-choice__option--on' : ''}`}>
            <input type="radio" name="new-submission-type" value="joint" checked={type === 'joint'} onChange={() => setType('joint')} />
            <span>
              <span className="template-choice__label">{t('template.joint')}</span>
              <span className="template-choice__help">{t('template.jointHelp', { words: 5630 })}</span>
            </span>
          </label>
        </fieldset>
      )}
    </>
  ) : null;
  return { choice, fields };
}
