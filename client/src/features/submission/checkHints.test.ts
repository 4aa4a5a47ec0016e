import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initReport } from '../../../../shared/report/layout.ts';
import { runChecks } from '../../../../shared/submission/checks.ts';
import { initI18n } from '../../i18n/i18n.ts';
import { figuresOf, hintFor } from './checkHints.ts';

beforeAll(() => initI18n('en'));

describe('Checklist hints', () => {
  const doc = new Y.Doc();
  initReport(doc, { title: 'Draft', mechanism: 'UPR', stateUnderReview: '', editorSchemaVersion: 2 });
  const checks = runChecks(doc).checks;

  it('has a hint for every check the shared checks run on a UPR submission', () => {
    for (const check of checks) expect(hintFor(check), check.id).not.toBeNull();
  });

  it('shows the figures in words, field names included, and the limit last', () => {
    const cover = checks.find((c) => c.id === 'cover-complete')!;
    expect(figuresOf(cover)).toEqual([{ name: 'Missing', value: 'State under review, session, contact, submission type' }]);
    const words = checks.find((c) => c.id === 'within-word-limit')!;
    expect(figuresOf(words)).toEqual([
      { name: 'Words counted', value: '0' },
      { name: 'Not counted', value: 'footnotes, annexes' },
      { name: 'Limit from', value: 'the limits table' },
      { name: 'Limit', value: '2,815' },
    ]);
  });

  it('keeps a check it does not know, with its raw figure names', () => {
    expect(hintFor({ id: 'something-new' })).toBeNull();
    expect(figuresOf({ figures: { pages: 12 }, limit: null })).toEqual([{ name: 'pages', value: '12' }]);
  });
});
