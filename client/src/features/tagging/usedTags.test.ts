import { describe, expect, it } from 'vitest';
import type { SectionInfo } from '../../../../shared/report/layout.ts';
import { usedTags } from './OutlineTagFilter.tsx';

const section = (id: string, tags: string[]): SectionInfo => ({ id, title: id, order: id, status: 'drafting', tags, createdAt: '', wordBudget: null, annex: false });

describe('The outline tag filter', () => {
  it('offers every tag the sections carry once, in id order (numbers as numbers), with how many sections carry it', () => {
    expect(usedTags([section('a', ['ICERD:10', 'SDG:5.2']), section('b', ['ICERD:2', 'SDG:5.2', 'Unknown:x'])])).toEqual([
      { id: 'ICERD:2', count: 1 },
      { id: 'ICERD:10', count: 1 },
      { id: 'SDG:5.2', count: 2 },
      { id: 'Unknown:x', count: 1 },
    ]);
  });
});
