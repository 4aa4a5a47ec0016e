import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from '../../i18n/i18n.ts';
import { versionDisplayName } from './versionNames.ts';

const v = (kind: 'named' | 'session-end' | 'periodic' | 'before-restore' | 'before-deletion', name: string) => ({ kind, name, authorName: 'Edwin Okafor' });

describe('names of automatic versions', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterAll(async () => {
    await setLanguage('en', { remember: false });
  });

  it('read in English exactly as the server names them', () => {
    for (const name of [
      'Editing session ended (Edwin Okafor)',
      'During editing (Edwin Okafor)',
      'Before restoring “Sent to the coalition”',
      'Before Edwin Okafor deleted 1 word',
      'Before Edwin Okafor deleted 1,200 words',
      'Before Edwin Okafor deleted a section (360 words)',
      'Before Edwin Okafor deleted 3 sections (1,360 words)',
    ]) {
      const kind = name.startsWith('Editing') ? 'session-end' : name.startsWith('During') ? 'periodic' : name.startsWith('Before restoring') ? 'before-restore' : 'before-deletion';
      expect(versionDisplayName(v(kind, name))).toBe(name);
    }
  });

  it('are in the interface language, with the person, the version restored and the counts', async () => {
    await setLanguage('fr', { remember: false });
    expect(versionDisplayName(v('session-end', 'Editing session ended (Edwin Okafor)'))).toBe('Fin de la session de modification (Edwin Okafor)');
    expect(versionDisplayName(v('before-restore', 'Before restoring “Envoyé”'))).toBe('Avant la restauration de « Envoyé »');
    // French groups thousands with a narrow no-break space.
    expect(versionDisplayName(v('before-deletion', 'Before Edwin Okafor deleted 3 sections (1,360 words)'))).toMatch(/^Avant que Edwin Okafor supprime 3 sections \(1\s360 mots\)$/u);
    await setLanguage('ru', { remember: false });
    expect(versionDisplayName(v('before-deletion', 'Before Edwin Okafor deleted 5 words'))).toBe('Перед тем как Edwin Okafor удалил(а) 5 слов');
  });

  it('leave a named version, and a name that does not read as its kind, as they are', async () => {
    await setLanguage('fr', { remember: false });
    expect(versionDisplayName(v('named', 'Sent to the coalition'))).toBe('Sent to the coalition');
    expect(versionDisplayName(v('before-deletion', 'Something else'))).toBe('Something else');
  });
});
