/** Loads the taxonomy module once, on demand, and lets components re-render when it has arrived. */
import { useEffect, useState } from 'react';
import { taxonomyInLanguageNow, useTaxonomyInLanguage } from '../taxonomyLanguage/useTaxonomyInLanguage.ts';

export type TaxonomyModule = typeof import('./taxonomyModule.ts');

let loaded: TaxonomyModule | null = null;
let loading: Promise<TaxonomyModule> | null = null;

export function loadTaxonomy(): Promise<TaxonomyModule> {
  loading ??= import('./taxonomyModule.ts').then(
    (m) => (loaded = m),
    (err: unknown) => {
      // Let a later call try again (a chunk request can fail on a flaky connection before the cache has it).
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The taxonomy module if it has loaded already, else null (without starting a load); SDGs in the interface language. */
export function loadedTaxonomy(): TaxonomyModule | null {
  return loaded && taxonomyInLanguageNow(loaded);
}

/** The taxonomy module when it has loaded, else null (and the load starts); SDG labels in the interface language. */
export function useTaxonomy(): TaxonomyModule | null {
  const [module, setModule] = useState<TaxonomyModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    loadTaxonomy().then(
      (m) => live && setModule(m),
      (err: unknown) => console.warn('Rightsdraft: the taxonomy could not be loaded', err),
    );
    return () => {
      live = false;
    };
  }, [module]);
  return useTaxonomyInLanguage(module);
}
