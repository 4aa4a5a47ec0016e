/**
 * Writing or changing a library entry: title, kind, level, who may see it, the text (paragraphs; an entry with
 * richer formatting keeps it unless its text is changed here), tags from the taxonomy, language, source, licence.
 * The server checks everything again; its answer is shown beside the field it names.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_LICENCE,
  LIBRARY_KINDS,
  LIBRARY_LEVELS,
  LIBRARY_LIMITS,
  LIBRARY_VISIBILITIES,
  type LibraryEntry,
  type LibraryKind,
  type LibraryLevel,
  type LibraryVisibility,
} from '../../../../shared/library/entry.ts';
import { isLibraryTag } from '../../../../shared/library/validate.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { useCoalitions } from '../coalitions/useCoalitions.ts';
import { TextField } from '../../ui/TextField.tsx';
import { createEntry, updateEntry } from './libraryApi.ts';
import { kindLabel, levelLabel, visibilityLabel } from './labels.ts';

type Errors = Partial<Record<'title' | 'text' | 'tags' | 'coalitionId' | 'language' | 'form', string>>;

export function EntryForm({ entry, onCancel, onSaved }: { entry?: LibraryEntry; onCancel: () => void; onSaved: (entry: LibraryEntry) => void }) {
  const { coalitions } = useCoalitions();
  const { t } = useTranslation();
  const [title, setTitle] = useState(entry?.title ?? '');
  const [kind, setKind] = useState<LibraryKind>(entry?.kind ?? 'model-resolution');
  const [level, setLevel] = useState<LibraryLevel>(entry?.level ?? 'city');
  const [visibility, setVisibility] = useState<LibraryVisibility>(entry?.visibility ?? 'coalition');
  const [coalitionId, setCoalitionId] = useState(entry?.coalitionId ?? coalitions?.[0]?.id ?? '');
  const [text, setText] = useState(entry?.text ?? '');
  const [tags, setTags] = useState((entry?.tags ?? []).join(', '));
  const [language, setLanguage] = useState(entry?.language ?? 'en');
  const [source, setSource] = useState(entry?.source ?? '');
  const [licence, setLicence] = useState(entry?.licence ?? DEFAULT_LICENCE);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const tagList = tags.split(/[,\s]+/).map((tag) => tag.trim()).filter(Boolean);
    const next: Errors = {};
    if (!title.trim()) next.title = t('entry.titleRequired');
    if (!text.trim()) next.text = t('entry.textRequired');
    const unknown = tagList.find((tag) => !isLibraryTag(tag));
    if (unknown) next.tags = t('entry.unknownTag', { tag: unknown });
    if (visibility === 'coalition' && !coalitionId) next.coalitionId = t('entry.coalitionRequired');
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: Record<string, unknown> = {
      title: title.trim(),
      kind,
      level,
      visibility,
      coalitionId: coalitionId || null,
      tags: tagList,
      language: language.trim(),
      source: source.trim(),
      licence: licence.trim(),
    };
    // The text goes only when it changed, so an entry's own formatting survives an edit of its description.
    if (!entry || text !== entry.text) body.text = text;
    setBusy(true);
    try {
      onSaved(entry ? await updateEntry(entry.id, body) : await createEntry(body));
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.field && ['title', 'text', 'tags', 'coalitionId', 'language'].includes(err.field)) setErrors({ [err.field]: err.message });
      else setErrors({ form: describeError(err) });
    }
  };

  return (
    <form className="form library-form" onSubmit={handleSubmit} noValidate>
      <TextField label={t('entry.title')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIBRARY_LIMITS.titleChars} error={errors.title} />
      <div className="library-form__row">
        <div className="field">
          <label htmlFor="library-kind">{t('library.field.kind')}</label>
          <select id="library-kind" className="input select" value={kind} onChange={(e) => setKind(e.target.value as LibraryKind)}>
            {LIBRARY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-level">{t('entry.level')}</label>
          <select id="library-level" className="input select" value={level} onChange={(e) => setLevel(e.target.value as LibraryLevel)}>
            {LIBRARY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(l)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="library-form__row">
        <div className="field">
          <label htmlFor="library-visibility">{t('entry.visibility')}</label>
          <select id="library-visibility" className="input select" value={visibility} onChange={(e) => setVisibility(e.target.value as LibraryVisibility)}>
            {LIBRARY_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {visibilityLabel(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-coalition">{visibility === 'coalition' ? t('coalitionsUi.entryForm.coalition') : t('coalitionsUi.entryForm.coalitionOptional')}</label>
          <select id="library-coalition" className="input select" value={coalitionId} onChange={(e) => setCoalitionId(e.target.value)} aria-invalid={errors.coalitionId ? true : undefined}>
            <option value="">{visibility === 'coalition' ? t('entry.choose') : t('entry.noCoalition')}</option>
            {(coalitions ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.coalitionId && <p className="field__error">{errors.coalitionId}</p>}
        </div>
      </div>
      <div className="field">
        <label htmlFor="library-text">{t('entry.text')}</label>
        <textarea id="library-text" className="input library-form__text" value={text} onChange={(e) => setText(e.target.value)} rows={10} maxLength={LIBRARY_LIMITS.textChars} aria-invalid={errors.text ? true : undefined} />
        <p className="field__help">{t('entry.textHelp')}</p>
        {errors.text && <p className="field__error">{errors.text}</p>}
      </div>
      <TextField
        label={t('entry.tags')}
        optional
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        // i18n-exempt: example tag codes (treaty:article, SDG:target), the same in every language
        placeholder="CEDAW:2, SDG:11.1"
        help={t('entry.tagsHelp')}
        error={errors.tags}
      />
      <div className="library-form__row">
        <TextField label={t('entry.language')} value={language} onChange={(e) => setLanguage(e.target.value)} maxLength={LIBRARY_LIMITS.languageChars} error={errors.language} />
        <TextField label={t('entry.licence')} value={licence} onChange={(e) => setLicence(e.target.value)} maxLength={LIBRARY_LIMITS.licenceChars} />
      </div>
      <TextField label={t('entry.source')} optional value={source} onChange={(e) => setSource(e.target.value)} maxLength={LIBRARY_LIMITS.sourceChars} placeholder={t('entry.sourcePlaceholder')} />
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('testimony.saving') : entry ? t('entry.saveChanges') : t('entry.add')}
        </button>
      </div>
    </form>
  );
}
