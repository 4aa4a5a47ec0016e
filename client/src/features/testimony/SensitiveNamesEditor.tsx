/** The report's sensitive names (people, streets, schools, workplaces) and what each becomes on export. */
import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addSensitiveName, removeSensitiveName, updateSensitiveName, type SensitiveName } from '../../../../shared/report/testimony.ts';
import { WITHHELD } from '../../../../shared/report/sensitiveNameMatch.ts';

const ORIGIN = 'testimony-panel';

export function SensitiveNamesEditor({ doc, names, canEdit }: { doc: Y.Doc; names: SensitiveName[]; canEdit: boolean }) {
  const [name, setName] = useState('');
  const [replacement, setReplacement] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    addSensitiveName(doc, name, replacement, ORIGIN);
    setName('');
    setReplacement('');
  };
  return (
    <section aria-labelledby="sensitive-names-title">
      <h3 id="sensitive-names-title">Sensitive names</h3>
      <p className="muted testimony-panel__intro">Highlighted in the text while you write; every export replaces them.</p>
      {names.length === 0 ? (
        <p className="muted">No sensitive names listed.</p>
      ) : (
        <ul className="testimony-names" data-testid="sensitive-names">
          {names.map((n) => (
            <li key={n.id}>
              <span className="testimony-names__name">{n.name}</span>
              <span aria-hidden="true">→</span>
              {canEdit ? (
                <input
                  className="input"
                  aria-label={`What “${n.name}” becomes on export`}
                  defaultValue={n.replacement}
                  placeholder={WITHHELD}
                  onBlur={(e) => e.target.value !== n.replacement && updateSensitiveName(doc, n.id, { replacement: e.target.value }, ORIGIN)}
                />
              ) : (
                <span>{n.replacement || WITHHELD}</span>
              )}
              {canEdit && (
                <button type="button" className="button button--ghost button--small" onClick={() => removeSensitiveName(doc, n.id, ORIGIN)} aria-label={`Remove “${n.name}”`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="testimony-names__add" onSubmit={submit}>
          <label>
            Name
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder="Rua das Flores" />
          </label>
          <label>
            On export it becomes
            <input className="input" value={replacement} onChange={(e) => setReplacement(e.target.value)} maxLength={200} placeholder="a street in the northern district" />
          </label>
          <button type="submit" className="button button--small" disabled={!name.trim()}>
            Add name
          </button>
        </form>
      )}
    </section>
  );
}
