import { describe, expect, it } from 'vitest';
import { describeTag } from './describeTag.ts';
import { articleParts, partAncestors } from './provisions.ts';
import { articleOfPart, parseArticleTagId, tagIsAbout } from './tagIds.ts';

describe('Sub-paragraph tag ids', () => {
  it('accepts ICERD:5(e)(iv) and CEDAW:11(1)(b), and refuses what is not a part of an article', () => {
    expect(parseArticleTagId('ICERD:5(e)(iv)')).toEqual({ treaty: 'ICERD', article: 5, part: '(e)(iv)' });
    expect(parseArticleTagId('CEDAW:11(1)(b)')).toEqual({ treaty: 'CEDAW', article: 11, part: '(1)(b)' });
    expect(parseArticleTagId('ICERD:5')).toEqual({ treaty: 'ICERD', article: 5, part: '' });
    for (const bad of ['ICERD:5(E)', 'ICERD:5()', 'ICERD:5(e', 'ICERD:5(e)(iv)(a)(b)', 'UNKNOWN:5(a)', 'ICERD:05(a)', 'ICERD:5 (a)']) {
      expect(parseArticleTagId(bad), bad).toBeNull();
    }
    expect(articleOfPart('ICERD:5(e)(iv)')).toBe('ICERD:5');
    expect(articleOfPart('ICERD:5')).toBeNull();
  });

  it('counts a sub-paragraph as about its article and the sub-paragraph above it, not about other articles', () => {
    expect(tagIsAbout('ICERD:5(e)(iv)', 'ICERD:5')).toBe(true);
    expect(tagIsAbout('ICERD:5(e)(iv)', 'ICERD:5(e)')).toBe(true);
    expect(tagIsAbout('ICERD:5(e)', 'ICERD:5(e)(iv)')).toBe(false);
    expect(tagIsAbout('ICERD:5(e)', 'ICERD:50')).toBe(false);
    expect(tagIsAbout('ICERD:5(e)', 'ICERD:4')).toBe(false);
  });

  it('describes a sub-paragraph from the reference text, with its article as parent', () => {
    const housing = describeTag('ICERD:5(e)(iii)');
    expect(housing).toMatchObject({ kind: 'article', label: 'ICERD article 5(e)(iii)', parent: 'ICERD:5' });
    expect(housing.text).toBe('Economic, social and cultural rights, in particular: The right to housing;');
    const work = describeTag('CEDAW:11(1)(b)');
    expect(work.label).toBe('CEDAW article 11(1)(b): Employment');
    expect(work.text).toContain('the same employment opportunities');
  });

  it('labels a sub-paragraph the texts do not carry honestly: the article title and the part', () => {
    const d = describeTag('CEDAW:11(4)(z)');
    expect(d).toMatchObject({ kind: 'article', label: 'CEDAW article 11(4)(z): Employment', parent: 'CEDAW:11' });
    expect(describeTag('ICERD:99(a)')).toEqual({ id: 'ICERD:99(a)', kind: 'unknown', label: 'ICERD:99(a)' });
  });

  it('cuts numbered paragraphs, letters and roman items, and tells a letter (i) from a roman (i)', () => {
    const text = 'Intro:\n1. First paragraph:\n(a) one;\n(b) two, in particular:\n(i) alpha;\n(ii) beta;\n(c) three.\n2. Second.';
    expect(articleParts(text).map((p) => p.part)).toEqual(['(1)', '(1)(a)', '(1)(b)', '(1)(b)(i)', '(1)(b)(ii)', '(1)(c)', '(2)']);
    const letters = 'Rights:\n' + 'abcdefghij'.split('').map((l) => `(${l}) item ${l};`).join('\n');
    expect(articleParts(letters).map((p) => p.part)).toEqual('abcdefghij'.split('').map((l) => `(${l})`));
    expect(partAncestors('(2)(a)(i)')).toEqual(['(2)(a)', '(2)']);
  });
});
