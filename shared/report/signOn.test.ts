import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOrganisation, setCoverFields } from './coverFields.ts';
import { initReport } from './layout.ts';
import { coverOrganisations, signOnList, withOwnList } from './signOn.ts';
import { runChecks } from '../submission/checks.ts';

const confirmed = { organisation: 'Roma Rights Centre', confirmedBy: { id: 'u1', name: 'Amina' }, confirmedAt: '2026-12-01T10:00:00.000Z' };

describe('sign-on', () => {
  it("uses the coalition's list until the report has its own, and prints only confirmed organisations of a coalition's report", () => {
    const coalition = signOnList([], ['Roma Rights Centre', 'Equal Schools Network'], [confirmed]);
    expect(coalition.source).toBe('coalition');
    expect(coverOrganisations(coalition)).toEqual(['Roma Rights Centre']);
    const own = withOwnList(coalition, ['Local Union', 'Roma Rights Centre']);
    expect(own.source).toBe('report');
    expect(own.organisations.map((o) => [o.name, o.status])).toEqual([['Local Union', 'pending'], ['Roma Rights Centre', 'confirmed']]);
    expect(coverOrganisations(own)).toEqual(['Roma Rights Centre']);
  });

  it('prints every listed organisation of a report without a coalition', () => {
    expect(coverOrganisations(signOnList(['One', 'Two'], null, []))).toEqual(['One', 'Two']);
  });

  it('warns in the checks about organisations still pending', () => {
    const doc = new Y.Doc();
    initReport(doc, { title: 'T', mechanism: 'UPR', stateUnderReview: 'Freedonia', editorSchemaVersion: 3 });
    setCoverFields(doc, { submissionType: 'joint' });
    const list = runChecks(doc, { signOn: signOnList([], ['Roma Rights Centre', 'Equal Schools Network'], [confirmed]) });
    expect(list.checks.find((c) => c.id === 'organisations-named')).toMatchObject({ passed: true });
    const pending = list.checks.find((c) => c.id === 'organisations-signed-on')!;
    expect(pending.passed).toBe(false);
    expect(pending.message).toContain('Equal Schools Network');
    addOrganisation(doc, 'Solo');
    expect(runChecks(doc).checks.some((c) => c.id === 'organisations-signed-on')).toBe(false);
  });
});
