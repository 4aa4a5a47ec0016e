import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEarlierRecommendations,
  deleteEarlierRecommendation,
  getEarlierRecommendation,
  listEarlierRecommendations,
  observeEarlierRecommendations,
  updateEarlierRecommendation,
} from './earlierRecommendations.ts';

const REC = 'REC:A/HRC/46/15:26.45';

function withList(): Y.Doc {
  const doc = new Y.Doc();
  addEarlierRecommendations(doc, [
    { symbol: 'A/HRC/46/15', paragraph: '26.45', text: 'Take measures to combat hate speech against Roma', recommendedBy: ['Germany'], response: 'supported' },
    { symbol: 'A/HRC/46/15', paragraph: '26.2', text: 'Consider ratifying the ICRMW', recommendedBy: ['Argentina', 'France'], response: 'noted' },
    { symbol: 'A/HRC/46/15', paragraph: '26.10', text: 'Ratify OP-CAT', recommendedBy: ['Denmark'] },
  ]);
  return doc;
}

describe('Earlier recommendations', () => {
  it('stores each under its tag id and lists them by symbol and paragraph number', () => {
    const doc = withList();
    expect(listEarlierRecommendations(doc).map((r) => r.id)).toEqual(['REC:A/HRC/46/15:26.2', 'REC:A/HRC/46/15:26.10', REC]);
    expect(getEarlierRecommendation(doc, REC)).toEqual({
      id: REC,
      symbol: 'A/HRC/46/15',
      paragraph: '26.45',
      text: 'Take measures to combat hate speech against Roma',
      recommendedBy: ['Germany'],
      response: 'supported',
      assessment: null,
      comment: '',
    });
  });

  it('keeps the coalition’s assessment when the same list is pasted again', () => {
    const doc = withList();
    updateEarlierRecommendation(doc, REC, { assessment: 'partially-implemented', comment: 'Law adopted, not applied' });
    addEarlierRecommendations(doc, [{ symbol: 'A/HRC/46/15', paragraph: '26.45', text: 'Take measures to combat hate speech against Roma, including online', recommendedBy: ['Germany'] }]);
    expect(getEarlierRecommendation(doc, REC)).toMatchObject({
      text: 'Take measures to combat hate speech against Roma, including online',
      response: 'supported',
      assessment: 'partially-implemented',
      comment: 'Law adopted, not applied',
    });
    expect(listEarlierRecommendations(doc)).toHaveLength(3);
  });

  it('merges one person assessing with another correcting the text at the same time', () => {
    const a = withList();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateEarlierRecommendation(a, REC, { assessment: 'not-implemented', comment: 'No progress' });
    updateEarlierRecommendation(b, REC, { text: 'Take measures to combat hate speech against Roma and Travellers', response: 'noted' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const expected = { text: 'Take measures to combat hate speech against Roma and Travellers', response: 'noted', assessment: 'not-implemented', comment: 'No progress' };
    expect(getEarlierRecommendation(a, REC)).toMatchObject(expected);
    expect(getEarlierRecommendation(b, REC)).toEqual(getEarlierRecommendation(a, REC));
  });

  it('refuses entries whose symbol or paragraph cannot form an id, and ignores invalid values', () => {
    const doc = new Y.Doc();
    const { ids, refused } = addEarlierRecommendations(doc, [
      { symbol: 'A/HRC/46/15', paragraph: '', text: 'No paragraph' },
      { symbol: 'A/HRC:46', paragraph: '1', text: 'Colon in symbol' },
      { symbol: 'CERD/C/FRE/CO/22-23', paragraph: '12 (b)', text: 'Adopt a national action plan' },
    ]);
    expect(ids).toEqual(['REC:CERD/C/FRE/CO/22-23:12(b)']);
    expect(refused.map((r) => r.text)).toEqual(['No paragraph', 'Colon in symbol']);
    updateEarlierRecommendation(doc, ids[0]!, { assessment: 'done' as never });
    expect(getEarlierRecommendation(doc, ids[0]!)!.assessment).toBeNull();
  });

  it('clears, deletes and tells observers', () => {
    const doc = withList();
    let calls = 0;
    const stop = observeEarlierRecommendations(doc, () => calls++);
    updateEarlierRecommendation(doc, REC, { response: null });
    expect(getEarlierRecommendation(doc, REC)!.response).toBeNull();
    deleteEarlierRecommendation(doc, REC);
    expect(getEarlierRecommendation(doc, REC)).toBeNull();
    stop();
    updateEarlierRecommendation(doc, 'REC:A/HRC/46/15:26.2', { comment: 'x' });
    expect(calls).toBe(2);
  });
});
