/**
 * The SDG labels of one interface language (shared/taxonomy/generated/sdg-labels/<language>.json), each file its
 * own chunk, loaded when that language is chosen, like the interface messages (client/src/i18n/i18n.ts). English
 * needs none: its labels are the taxonomy's own.
 */
import { useEffect, useState } from 'react';
import { hasSdgLabels, sdgLabels, type SdgLabelFile, type SdgLabelLanguage, type SdgLabels } from '../../../../shared/taxonomy/localizedLabels.ts';

const FILES = import.meta.glob<SdgLabelFile>('../../../../shared/taxonomy/generated/sdg-labels/*.json', { import: 'default' });

const loaded = new Map<SdgLabelLanguage, SdgLabels>();
const loading = new Map<SdgLabelLanguage, Promise<SdgLabels>>();

export function loadSdgLabels(language: string): Promise<SdgLabels | null> {
  if (!hasSdgLabels(language)) return Promise.resolve(null);
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    const file = Object.entries(FILES).find(([name]) => name.endsWith(`/${language}.json`));
    if (!file) return Promise.resolve(null);
    pending = file[1]().then(
      (data) => {
        const labels = sdgLabels(data);
        loaded.set(language, labels);
        return labels;
      },
      (err: unknown) => {
        // A later call tries again (offline before the chunk was cached): English labels meanwhile.
        loading.delete(language);
        throw err;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** The labels of `language` if they have loaded, else null (without starting a load). */
export function loadedSdgLabels(language: string): SdgLabels | null {
  return hasSdgLabels(language) ? (loaded.get(language) ?? null) : null;
}

/** The labels of `language` once loaded (null for English, and while they load: English is shown meanwhile). */
export function useSdgLabels(language: string | undefined): SdgLabels | null {
  const [, setVersion] = useState(0);
  const ready = language && hasSdgLabels(language) ? (loaded.get(language) ?? null) : null;
  useEffect(() => {
    if (ready || !language || !hasSdgLabels(language)) return;
    let live = true;
    loadSdgLabels(language).then(
      () => live && setVersion((v) => v + 1),
      (err: unknown) => console.warn('Rightsdraft: the SDG labels could not be loaded', err),
    );
    return () => {
      live = false;
    };
  }, [language, ready]);
  return ready;
}
