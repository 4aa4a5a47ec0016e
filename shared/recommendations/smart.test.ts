import { describe, expect, it } from 'vitest';
import { assessRecommendation } from './smart.ts';

describe('SMART check of recommendations', () => {
  it.each([
    ['Ratify the Optional Protocol to the Convention against Torture', 5],
    ['Consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families', 3],
    ['Continue its efforts to combat racial discrimination', 2],
    ['Maintain the moratorium on the death penalty', 2],
    ['Take appropriate measures to ensure that Roma children have access to education', 4],
    ['Strengthen the independence of the national human rights institution', 4],
    ['Seek technical assistance from OHCHR for the preparation of its reports', 1],
    ['Share its good practices on the inclusion of persons with disabilities with other States', 1],
    ['Amend article 225 of the Criminal Code to criminalise marital rape', 5],
    ['The State party should repeal section 377 of the Penal Code', 5],
    ['We recommend that the Government adopt a national action plan against racism', 5],
    ['The Ministry of the Interior to end the forced eviction of Roma settlements', 5],
  ])('places "%s" in UPR Info category %i', (text, category) => {
    expect(assessRecommendation(text).category).toBe(category);
  });

  it('finds every part in a specific recommendation with actor, result and deadline', () => {
    const r = assessRecommendation(
      '26.45 The Ministry of Education should end the placement of Roma children in special schools by September 2026 and publish annual enrolment data disaggregated by ethnicity.',
    );
    expect(r).toEqual({ category: 5, categoryName: 'specific action', specific: true, vagueTerms: [], missing: [] });
  });

  it('asks a vague recommendation for everything a reviewer could follow up', () => {
    const r = assessRecommendation('Take appropriate measures to ensure that Roma children have access to education');
    expect(r.specific).toBe(false);
    expect(r.vagueTerms).toEqual(['take appropriate measures']);
    expect(r.missing).toEqual(['actor', 'action', 'measurable result', 'deadline']);
  });

  it('flags the usual vague verbs', () => {
    expect(assessRecommendation('Consider ratifying the ICRMW').vagueTerms).toEqual(['consider']);
    expect(assessRecommendation('Continue efforts to reduce poverty').vagueTerms).toEqual(['continue efforts']);
    expect(assessRecommendation('Strive to ensure gender equality').vagueTerms).toEqual(['strive']);
    expect(assessRecommendation('Endeavour to improve prison conditions').vagueTerms).toEqual(['endeavour']);
    expect(assessRecommendation('Redouble its efforts and take all necessary measures, as appropriate').vagueTerms).toEqual([
      'redouble its efforts',
      'take all necessary measures',
      'as appropriate',
    ]);
  });

  it('counts a ratification as measurable and asks only for the missing deadline and actor', () => {
    expect(assessRecommendation('Ratify the Optional Protocol to the Convention against Torture (Denmark);').missing).toEqual(['actor', 'deadline']);
    expect(assessRecommendation('The Government should ratify OP-CAT before the next review').missing).toEqual([]);
  });

  it('reads quantities, indicators and deadlines in several forms', () => {
    const r = assessRecommendation('The State party should allocate at least 2 per cent of the health budget to mental health services within two years.');
    expect(r.missing).toEqual([]);
    expect(assessRecommendation('Adopt a strategy with indicators by the end of 2027').missing).toEqual(['actor']);
    expect(assessRecommendation('Ensure that all schools are accessible within 12 months').missing).toEqual(['actor', 'action']);
  });

  it('takes the addressee of the block as the actor', () => {
    expect(assessRecommendation('Repeal the vagrancy law by 2026', { addressee: 'Parliament' }).missing).toEqual([]);
  });
});
