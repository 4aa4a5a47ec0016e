import { describe, expect, it } from 'vitest';
import { completeMention, matchMembers, mentionQuery, mentionedIds, resolveMentions, splitMentions } from './mentions.ts';

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

  it('resolves a typed "@Amina" not picked from the list to the one member called so', () => {
    const people = [...members, { userId: 'am', name: 'Amina Diallo', email: 'amina@roma.example' }];
    expect(resolveMentions('@Amina please check.', people)).toEqual({ body: '@Amina Diallo please check.', ids: ['am'], ambiguous: null });
    expect(resolveMentions('Ask @diallo.', people)).toEqual({ body: 'Ask @Amina Diallo.', ids: ['am'], ambiguous: null });
    expect(resolveMentions('@Amina Diallo and @edwin', people)).toEqual({ body: '@Amina Diallo and @Edwin Okafor', ids: ['am', 'e'], ambiguous: null });
    // "@Ana" is a member's whole name: not read as the word of "Ana Lima". Nobody answers to "@Zoe".
    expect(resolveMentions('@Ana and @Zoe', people)).toEqual({ body: '@Ana and @Zoe', ids: ['a'], ambiguous: null });
    expect(resolveMentions('mail ana@ngo.example', people).ids).toEqual([]);
  });

  it('does not guess between two members with the same first name', () => {
    const people = [...members, { userId: 'am', name: 'Amina Diallo', email: 'a1@x.example' }, { userId: 'ab', name: 'Amina Benali', email: 'a2@x.example' }];
    const { ambiguous, ids } = resolveMentions('Hi @Amina, see', people);
    expect(ids).toEqual([]);
    expect(ambiguous).toMatchObject({ start: 3, end: 9, word: 'Amina' });
    expect(ambiguous!.candidates.map((m) => m.userId)).toEqual(['am', 'ab']);
  });
});
