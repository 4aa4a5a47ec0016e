/** The submitting organisations, in the order the cover page lists them: add, rename, move, remove. */
import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addOrganisation, moveOrganisation, removeOrganisation, renameOrganisation, type SubmissionType } from '../../../../shared/report/coverFields.ts';
import { SharedTextField } from '../treaty/SharedTextField.tsx';
import { TreatyIcon } from '../treaty/TreatyIcon.tsx';

export function OrganisationList({
  doc,
  organisations,
  submissionType,
  disabled,
}: {
  doc: Y.Doc;
  organisations: string[];
  submissionType: SubmissionType | null;
  disabled: boolean;
}) {
  const [name, setName] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    addOrganisation(doc, name);
    setAnnouncement(`${name.trim()} added.`);
    setName('');
  };
  const move = (index: number, org: string, delta: -1 | 1) => {
    moveOrganisation(doc, index, org, index + delta);
    setAnnouncement(`${org} moved to position ${index + delta + 1} of ${organisations.length}.`);
    // Keep focus on the same control of the moved row.
    requestAnimationFrame(() => document.getElementById(`org-${index + delta}-${delta < 0 ? 'up' : 'down'}`)?.focus());
  };
  const needed = submissionType === 'joint' ? 'A joint submission names every organisation (at least two).' : 'Name the organisation submitting the report.';
  return (
    <fieldset className="fieldset organisations">
      <legend>Submitting organisations</legend>
      <p className="field__help">{needed} The cover page lists them in this order.</p>
      {organisations.length > 0 ? (
        <ol className="organisations__list">
          {organisations.map((org, i) => (
            <li key={`${i}:${org}`} className="organisations__item" data-testid="organisation">
              <span className="organisations__number" aria-hidden="true">
                {i + 1}
              </span>
              <SharedTextField
                value={org}
                readOnly={disabled}
                aria-label={`Organisation ${i + 1}`}
                maxLength={200}
                onCommit={(to) => to && renameOrganisation(doc, i, org, to)}
              />
              {!disabled && (
                <span className="organisations__actions">
                  <button id={`org-${i}-up`} type="button" className="icon-button" aria-label={`Move ${org} up`} disabled={i === 0} onClick={() => move(i, org, -1)}>
                    <TreatyIcon name="up" size={16} />
                  </button>
                  <button
                    id={`org-${i}-down`}
                    type="button"
                    className="icon-button"
                    aria-label={`Move ${org} down`}
                    disabled={i === organisations.length - 1}
                    onClick={() => move(i, org, 1)}
                  >
                    <TreatyIcon name="down" size={16} />
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button--danger"
                    aria-label={`Remove ${org}`}
                    onClick={() => {
                      removeOrganisation(doc, i, org);
                      setAnnouncement(`${org} removed.`);
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
        <p className="muted organisations__empty">No organisation listed yet.</p>
      )}
      {!disabled && (
        <form className="inline-fields organisations__add" onSubmit={add}>
          <label htmlFor="org-new" className="visually-hidden">
            Organisation to add
          </label>
          <input id="org-new" className="input" value={name} maxLength={200} placeholder="Organisation name" onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={!name.trim()}>
            Add organisation
          </button>
        </form>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}
