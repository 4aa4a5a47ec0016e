/** The report's sensitive names (people, streets, schools, workplaces) and what each becomes on export. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addSensitiveName, removeSensitiveName, updateSensitiveName, type SensitiveName } from '../../../../shared/report/testimony.ts';
import { WITHHELD } from '../../../../shared/report/sensitiveNameMatch.ts';

const ORIGIN = 'testimony-panel';

export function SensitiveNamesEditor({ doc, names, canEdit }: { doc: Y.Doc; names: SensitiveName[]; canEdit: boolean }) {
  const { t } = useTranslation();
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
      <h3 id="sensitive-names-title">{t('sensitive.title')}</h3>
      <p className="muted testimony-panel__intro">{t('sensitive.intro')}</p>
      {names.length === 0 ? (
        <p className="muted">{t('sensitive.none')}</p>
      ) : (
        <ul className="testimony-names" data-testid="sensitive-names">
          {names.map((n) => (
            <li key={n.id}>
              <span className="testimony-names__name">{n.name}</span>
              <span aria-hidden="true">→</span>
              {canEdit ? (
                <input
                  className="input"
                  aria-label={t('sensitive.replacementLabel', { name: n.name })}
                  defaultValue={n.replacement}
                  placeholder={WITHHELD}
                  onBlur={(e) => e.target.value !== n.replacement && updateSensitiveName(doc, n.id, { replacement: e.target.value }, ORIGIN)}
                />
              ) : (
                <span>{n.replacement || WITHHELD}</span>
              )}
              {canEdit && (
                <button type="button" className="button button--ghost button--small" onClick={() => removeSensitiveName(doc, n.id, ORIGIN)} aria-label={t('sensitive.removeLabel', { name: n.name })}>
                  {t('evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="testimony-names__add" onSubmit={submit}>
          <label>
            {t('sensitive.name')}
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder={t('sensitive.namePlaceholder')} />
          </label>
          <label>
            {t('sensitive.becomes')}
            <input className="input" value={replacement} onChange={(e) => setReplacement(e.target.value)} maxLength={200} placeholder={t('sensitive.becomesPlaceholder')} />
          </label>
          <button type="submit" className="button button--small" disabled={!name.trim()}>
            {t('sensitive.add')}
          </button>
        </form>
      )}
    </section>
  );
}
