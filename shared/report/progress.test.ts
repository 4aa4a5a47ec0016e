import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSection, setSectionStatus } from './layout.ts';
import { reportProgress } from './progress.ts';

describe('reportProgress', () => {
  it('follows the least advanced section', () => {
    const doc = new Y.Doc();
    expect(reportProgress(doc)).toBe('empty');
    const a = addSection(doc, { title: 'A' });
    const b = addSection(doc, { title: 'B' });
    expect(reportProgress(doc)).toBe('drafting');
    setSectionStatus(doc, a, 'final');
    setSectionStatus(doc, b, 'in-review');
    expect(reportProgress(doc)).toBe('in-review');
    setSectionStatus(doc, b, 'final');
    expect(reportProgress(doc)).toBe('final');
  });
});
