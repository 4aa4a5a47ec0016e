import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyWith } from '../../test/helpers/yjsContent.ts';
import { anchorAt } from './anchors.ts';
import { createSuggestion, decideSuggestion, getSuggestion, listSuggestions, reviseSuggestion, withdrawSuggestion } from './layout.ts';

const rania = { id: 'u-rania', name: 'Rania' };
const edwin = { id: 'u-edwin', name: 'Edwin' };

function setup() {
  const body = bodyWith('The State should adopt a law.');
  const discussion = new Y.Doc();
  const id = createSuggestion(discussion, rania, { sectionId: 's', anchor: anchorAt(body, 4, 4), originalText: '', insertText: 'm' });
  return { body, discussion, id };
}

describe('reviseSuggestion and withdrawSuggestion', () => {
  it("let the author grow their open suggestion and take it back, and nobody else", () => {
    const { body, discussion, id } = setup();
    expect(reviseSuggestion(discussion, id, edwin, { anchor: anchorAt(body, 4, 4), originalText: '', insertText: 'x' })).toBe(false);
    expect(reviseSuggestion(discussion, id, rania, { anchor: anchorAt(body, 10, 16), originalText: 'should', insertText: 'must' })).toBe(true);
    expect(getSuggestion(discussion, id)).toMatchObject({ originalText: 'should', insertText: 'must', status: 'open' });
    expect(withdrawSuggestion(discussion, id, edwin)).toBe(false);
    expect(withdrawSuggestion(discussion, id, rania)).toBe(true);
    expect(listSuggestions(discussion)).toEqual([]);
  });

  it('leave a decided suggestion as it was decided', () => {
    const { body, discussion, id } = setup();
    decideSuggestion(discussion, id, 'rejected', edwin);
    expect(reviseSuggestion(discussion, id, rania, { anchor: anchorAt(body, 4, 4), originalText: '', insertText: 'mm' })).toBe(false);
    expect(withdrawSuggestion(discussion, id, rania)).toBe(false);
    expect(getSuggestion(discussion, id)).toMatchObject({ insertText: 'm', status: 'rejected' });
  });
});
