import { describe, expect, it } from 'vitest';
import { completeMention, matchMembers, mentionQuery, mentionedIds, splitMentions } from './mentions.ts';

const members = [
  { userId: 'a', name: 'Ana', email: 'ana@ngo.example' },
  { userId: 'al', name: 'Ana Lima', email: 'lima@ngo.example' },
  { userId: 'e', name: 'Edwin Okafor', email: 'edwin@ngo.example' },
];

describe('mentions', () => {
  it('finds the @query before the caret, but not inside an e-mail address', () => {
    expect(mentionQuery('Please check @Ed', 16)).toEqual({ start: 13, query: 'Ed' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('write to ana@ngo', 16)).toBeNull();
    expect(mentionQuery('@Ed and more', 12)).toBeNull();
  });

  it('matches members by any word of their name or their e-mail', () => {
    expect(matchMembers(members, 'ok').map((m) => m.userId)).toEqual(['e']);
    expect(matchMembers(members, 'li').map((m) => m.userId)).toEqual(['al']);
    expect(matchMembers(members, '').length).toBe(3);
  });

  it('completes the query with the name and a space', () => {
    expect(completeMention('Hi @Ed!', 3, 6, 'Edwin Okafor')).toEqual({ text: 'Hi @Edwin Okafor !', caret: 17 });
  });

  it('collects the ids of the people mentioned, longest names first', () => {
    expect(mentionedIds('@Ana Lima, see this', members)).toEqual(['al']);
    expect(mentionedIds('@Ana and @Ana Lima', members).sort()).toEqual(['a', 'al']);
    expect(mentionedIds('@Anastasia', members)).toEqual([]);
    expect(mentionedIds('@Edwin Okafor.', members)).toEqual(['e']);
  });

  it('splits a body into text and mentions for display', () => {
    expect(splitMentions('Ask @Edwin Okafor now', ['Edwin Okafor'])).toEqual([
      { text: 'Ask ', mention: false },
      { text: '@Edwin Okafor', mention: true },
      { text: ' now', mention: false },
    ]);
  });
});
