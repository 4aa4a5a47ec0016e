import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOrganisation, getCoverFields, moveOrganisation, removeOrganisation, renameOrganisation, setCoverFields } from './coverFields.ts';
import { addSection, getSection, setSectionAnnex, setSectionWordBudget } from './layout.ts';

describe('Cover fields', () => {
  it('are empty until set, and cleared with null', () => {
    const doc = new Y.Doc();
    expect(getCoverFields(doc)).toEqual({
      session: '',
      contact: '',
      submissionType: null,
      confidentiality: null,
      organisations: [],
      wordLimit: null,
      paragraphNumbering: false,
      language: '',
      deadline: '',
      period: '',
    });
    setCoverFields(doc, { session: 'UPR 4th cycle, 48th session', contact: 'Ana, ana@example.org', submissionType: 'joint', confidentiality: 'public', wordLimit: 6000, paragraphNumbering: true });
    expect(getCoverFields(doc)).toMatchObject({ submissionType: 'joint', confidentiality: 'public', wordLimit: 6000, paragraphNumbering: true });
    setCoverFields(doc, { wordLimit: null, confidentiality: null });
    expect(getCoverFields(doc)).toMatchObject({ wordLimit: null, confidentiality: null, submissionType: 'joint' });
    setCoverFields(doc, { deadline: '2027-03-01', period: '2019 to 2024' });
    expect(getCoverFields(doc)).toMatchObject({ deadline: '2027-03-01', period: '2019 to 2024' });
    setCoverFields(doc, { deadline: null, period: null });
    expect(getCoverFields(doc)).toMatchObject({ deadline: '', period: '' });
  });

  it('refuses values outside their lists', () => {
    const doc = new Y.Doc();
    setCoverFields(doc, { submissionType: 'coalition' as never, confidentiality: 'secret' as never, wordLimit: -5 });
    expect(getCoverFields(doc)).toMatchObject({ submissionType: null, confidentiality: null, wordLimit: null });
  });

  it('keeps both organisations when two members add one at the same time', () => {
    const a = new Y.Doc();
    addOrganisation(a, 'Roma Rights Centre');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addOrganisation(a, '  Housing Justice Network ');
    addOrganisation(b, 'Travellers Movement');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getCoverFields(a).organisations).toHaveLength(3);
    expect(getCoverFields(a).organisations).toEqual(getCoverFields(b).organisations);
    expect(getCoverFields(a).organisations).toContain('Housing Justice Network');
  });

  it('renames or removes an organisation only if it is still where the caller saw it', () => {
    const doc = new Y.Doc();
    addOrganisation(doc, 'A');
    addOrganisation(doc, 'B');
    renameOrganisation(doc, 0, 'B', 'X');
    removeOrganisation(doc, 1, 'A');
    expect(getCoverFields(doc).organisations).toEqual(['A', 'B']);
    renameOrganisation(doc, 1, 'B', 'Bee');
    removeOrganisation(doc, 0, 'A');
    expect(getCoverFields(doc).organisations).toEqual(['Bee']);
  });

  it('moves an organisation only if it is still where the caller saw it', () => {
    const doc = new Y.Doc();
    for (const name of ['A', 'B', 'C']) addOrganisation(doc, name);
    moveOrganisation(doc, 0, 'A', 2);
    expect(getCoverFields(doc).organisations).toEqual(['B', 'C', 'A']);
    moveOrganisation(doc, 0, 'C', 1);
    moveOrganisation(doc, 2, 'A', 99);
    expect(getCoverFields(doc).organisations).toEqual(['B', 'C', 'A']);
    moveOrganisation(doc, 2, 'A', -3);
    expect(getCoverFields(doc).organisations).toEqual(['A', 'B', 'C']);
  });
});

describe('Section word budget and annex flag', () => {
  it('are set and cleared through the layout', () => {
    const doc = new Y.Doc();
    const id = addSection(doc, { title: 'Annex: matrix', annex: true });
    expect(getSection(doc, id)).toMatchObject({ annex: true, wordBudget: null });
    setSectionWordBudget(doc, id, 400);
    setSectionAnnex(doc, id, false);
    expect(getSection(doc, id)).toMatchObject({ annex: false, wordBudget: 400 });
    setSectionWordBudget(doc, id, null);
    setSectionWordBudget(doc, id, 2.5);
    expect(getSection(doc, id)!.wordBudget).toBeNull();
  });
});
