import { describe, expect, it } from 'vitest';
import { WITHHELD, findSensitiveNames, replaceSensitiveNames } from './sensitiveNameMatch.ts';

const rules = [
  { name: 'Rua das Flores', replacement: 'a street in the northern district' },
  { name: 'Ana', replacement: 'Witness A' },
  { name: 'Ana Souza', replacement: 'Witness B' },
  { name: 'Escola Santa Rita', replacement: '' },
];

describe('Sensitive names', () => {
  it('finds whole names in any letter case and spacing, the longer name first', () => {
    const text = 'Ana Souza lives on rua  das flores; Anabela does not. ANA came too.';
    expect(findSensitiveNames(text, rules).map((m) => [text.slice(m.from, m.to), m.name])).toEqual([
      ['Ana Souza', 'Ana Souza'],
      ['rua  das flores', 'Rua das Flores'],
      ['ANA', 'Ana'],
    ]);
  });

  it('replaces every name in one pass, and withholds a name that has no replacement', () => {
    expect(replaceSensitiveNames('Ana Souza, of Rua das Flores, teaches at Escola Santa Rita with Ana.', rules)).toBe(
      `Witness B, of a street in the northern district, teaches at ${WITHHELD} with Witness A.`,
    );
  });

  it('matches names in other scripts and with accents, but not inside a longer word', () => {
    const list = [{ name: 'São João', replacement: 'a village' }, { name: 'علي', replacement: 'Witness C' }];
    expect(replaceSensitiveNames('Em São João, علي falou. SãoJoão não.', list)).toBe('Em a village, Witness C falou. SãoJoão não.');
  });

  it('leaves text alone when the list is empty', () => {
    expect(replaceSensitiveNames('Nothing (here) [at] all.', [])).toBe('Nothing (here) [at] all.');
  });
});
