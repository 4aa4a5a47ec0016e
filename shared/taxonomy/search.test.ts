import { describe, expect, it } from 'vitest';
import { searchTaxonomy } from './search.ts';

const ids = (q: string, options = {}) => searchTaxonomy(q, options).map((h) => h.entry.id);

describe('searchTaxonomy', () => {
  it('puts an exact id first, however it is typed', () => {
    for (const q of ['ICERD:5', 'icerd:5', 'ICERD 5', ' icerd 5 ']) {
      const [first] = searchTaxonomy(q);
      expect(first?.entry.id, q).toBe('ICERD:5');
      expect(first?.match).toBe('id');
    }
    expect(ids('sdg 5.2')[0]).toBe('SDG:5.2');
    expect(ids('CEDAW-GR:35')[0]).toBe('CEDAW-GR:35');
  });

  it('lists ids that start with the query after the exact one, shorter and lower numbers first', () => {
    const hits = searchTaxonomy('SDG:5', { limit: 12 });
    expect(hits[0]!.entry.id).toBe('SDG:5');
    expect(hits.slice(1, 10).map((h) => h.entry.id)).toEqual(['SDG:5.1', 'SDG:5.2', 'SDG:5.3', 'SDG:5.4', 'SDG:5.5', 'SDG:5.6', 'SDG:5.a', 'SDG:5.b', 'SDG:5.c']);
    expect(hits.slice(1).every((h) => h.match === 'id-prefix')).toBe(true);
    expect(ids('CEDAW:1', { limit: 3 })).toEqual(['CEDAW:1', 'CEDAW:10', 'CEDAW:11']);
  });

  it('finds entries by the words of their label and text, label words counting more', () => {
    expect(ids('hate speech')[0]).toBe('CERD-GR:35');
    expect(ids('violence against women')[0]).toBe('UPR-THEME:violence-against-women');
    expect(ids('violence against women')).toContain('CEDAW-GR:35');
    const education = ids('education', { limit: 10 });
    expect(education).toEqual(expect.arrayContaining(['CEDAW:10', 'CRPD:24', 'SDG:4', 'UPR-THEME:right-to-education']));
  });

  it('matches word beginnings, needs every word, and ignores case and accents', () => {
    expect(ids('right to educ')[0]).toBe('UPR-THEME:right-to-education');
    expect(ids('GENDER EQUALITY')[0]).toBe('SDG:5');
    expect(ids('égalité gender')).toEqual([]);
    expect(ids('xylophone')).toEqual([]);
    expect(ids('')).toEqual([]);
  });

  it('filters by kind and honours the limit', () => {
    const hits = searchTaxonomy('discrimination', { kinds: ['article'], limit: 5 });
    expect(hits).toHaveLength(5);
    expect(hits.every((h) => h.entry.kind === 'article')).toBe(true);
    expect(searchTaxonomy('rights', { limit: 1000 }).length).toBeLessThanOrEqual(200);
  });

  it("searches a report's earlier recommendations passed alongside", () => {
    const extra = [{ id: 'REC:A/HRC/46/15:26.45', kind: 'recommendation' as const, label: 'A/HRC/46/15 para. 26.45 (Germany)', text: 'Take measures to combat hate speech against Roma' }];
    expect(searchTaxonomy('REC:A/HRC/46/15:26.45', { extra })[0]!.entry.id).toBe('REC:A/HRC/46/15:26.45');
    expect(searchTaxonomy('roma hate', { extra }).map((h) => h.entry.id)).toContain('REC:A/HRC/46/15:26.45');
  });
});

describe('searchTaxonomy for a report on one treaty', () => {
  it('offers ICERD article 5(e)(iii) for "housing" in a CERD report, the treaty\'s own provisions first', () => {
    const hits = searchTaxonomy('housing', { treaty: 'ICERD' });
    expect(hits[0]!.entry.id).toBe('ICERD:5(e)(iii)');
    expect(hits[0]!.entry.label).toBe('ICERD article 5(e)(iii)');
    expect(hits[0]!.entry.text).toContain('The right to housing');
  });

  it('finds CEDAW 11(1)(b) by its words and ranks CEDAW above other treaties in a CEDAW report', () => {
    const hits = ids('employment opportunities', { treaty: 'CEDAW' });
    expect(hits[0]).toBe('CEDAW:11(1)(b)');
    const work = ids('right to work', { treaty: 'CEDAW', limit: 5 });
    expect(work.every((id) => id.startsWith('CEDAW'))).toBe(true);
    const workCerd = ids('right to work', { treaty: 'ICERD', limit: 3 });
    expect(workCerd[0]).toBe('ICERD:5(e)(i)');
  });
});
