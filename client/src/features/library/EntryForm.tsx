/**
 * Writing or changing a library entry: title, kind, level, who may see it, the text (paragraphs; an entry with
 * richer formatting keeps it unless its text is changed here), tags from the taxonomy, language, source, licence.
 * The server checks everything again; its answer is shown beside the field it names.
 */
import { useState, type FormEvent } from 'react';
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
    const tagList = tags.split(/[,\s]+/).map((t) => t.trim()).filter(Boolean);
    const next: Errors = {};
    if (!title.trim()) next.title = 'Give the entry a title.';
    if (!text.trim()) next.text = 'Write or paste the model text.';
    const unknown = tagList.find((t) => !isLibraryTag(t));
    if (unknown) next.tags = `“${unknown}” is not a tag of the taxonomy (e.g. CEDAW:2, SDG:11.1, CERD-GR:32).`;
    if (visibility === 'coalition' && !coalitionId) next.coalitionId = 'Choose the coalition that may see it.';
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
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={LIBRARY_LIMITS.titleChars} error={errors.title} />
      <div className="library-form__row">
        <div className="field">
          <label htmlFor="library-kind">Kind</label>
          <select id="library-kind" className="input select" value={kind} onChange={(e) => setKind(e.target.value as LibraryKind)}>
            {LIBRARY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-level">Level of government</label>
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
          <label htmlFor="library-visibility">Who can see it</label>
          <select id="library-visibility" className="input select" value={visibility} onChange={(e) => setVisibility(e.target.value as LibraryVisibility)}>
            {LIBRARY_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {visibilityLabel(v)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="library-coalition">Coalition{visibility === 'coalition' ? '' : ' (optional)'}</label>
          <select id="library-coalition" className="input select" value={coalitionId} onChange={(e) => setCoalitionId(e.target.value)} aria-invalid={errors.coalitionId ? true : undefined}>
            <option value="">{visibility === 'coalition' ? 'Choose…' : 'None'}</option>
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
        <label htmlFor="library-text">Text</label>
        <textarea id="library-text" className="input library-form__text" value={text} onChange={(e) => setText(e.target.value)} rows={10} maxLength={LIBRARY_LIMITS.textChars} aria-invalid={errors.text ? true : undefined} />
        <p className="field__help">One paragraph per line. Say that it is a model to adapt if it is one.</p>
        {errors.text && <p className="field__error">{errors.text}</p>}
      </div>
      <TextField label="Tags" optional value={tags} onChange={(e) => setTags(e.target.value)} placeholder="CEDAW:2, SDG:11.1" help="Treaty articles, SDG targets, general recommendations or UPR themes, by their ids." error={errors.tags} />
      <div className="library-form__row">
        <TextField label="Language" value={language} onChange={(e) => setLanguage(e.target.value)} maxLength={LIBRARY_LIMITS.languageChars} error={errors.language} />
        <TextField label="Licence" value={licence} onChange={(e) => setLicence(e.target.value)} maxLength={LIBRARY_LIMITS.licenceChars} />
      </div>
      <TextField label="Source" optional value={source} onChange={(e) => setSource(e.target.value)} maxLength={LIBRARY_LIMITS.sourceChars} placeholder="Who wrote it, or where it was found" />
      {errors.form && (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : entry ? 'Save changes' : 'Add to the library'}
        </button>
      </div>
    </form>
  );
}
