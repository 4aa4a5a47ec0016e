import { describe, expect, it } from 'vitest';
import { inlineText, planSuggestion, type ActiveSuggestion, type SuggestionPlan } from './inputToSuggestion.ts';

const TEXT = 'The State should adopt a law.\nSecond paragraph.';
const at = (phrase: string) => TEXT.indexOf(phrase);

/** Replays keystrokes the way the editor plugin does: each plan becomes the active suggestion. */
function replay(steps: Parameters<typeof planSuggestion>[1][]): { plans: SuggestionPlan[]; active: ActiveSuggestion | null } {
  let active: ActiveSuggestion | null = null;
  const plans: SuggestionPlan[] = [];
  for (const step of steps) {
    const plan = planSuggestion(TEXT, step, active);
    plans.push(plan);
    if (plan.op === 'create') active = { id: `s${plans.length}`, start: plan.start, end: plan.end, originalText: plan.originalText, insertText: plan.insertText };
    else if (plan.op === 'revise') active = { id: plan.id, start: plan.start, end: plan.end, originalText: plan.originalText, insertText: plan.insertText };
    else if (plan.op === 'withdraw') active = null;
  }
  return { plans, active };
}

describe('planSuggestion', () => {
  it('turns typing over a selection into a replacement of it', () => {
    const from = at('should');
    expect(planSuggestion(TEXT, { kind: 'text', from, to: from + 6, text: 'must' }, null)).toEqual({
      op: 'create',
      start: from,
      end: from + 6,
      originalText: 'should',
      insertText: 'must',
      caret: from + 6,
    });
  });

  it('turns typing at a caret into one insertion that grows with each character', () => {
    const p = at('adopt');
    const { plans, active } = replay([...'swiftly '].map((c) => ({ kind: 'text' as const, from: p, to: p, text: c })));
    expect(plans[0]).toMatchObject({ op: 'create', originalText: '', insertText: 's' });
    expect(plans.slice(1).every((x) => x.op === 'revise')).toBe(true);
    expect(active).toMatchObject({ id: 's1', start: p, end: p, originalText: '', insertText: 'swiftly ' });
  });

  it('keeps typing after a replacement in the same suggestion', () => {
    const from = at('should');
    const { active } = replay([
      { kind: 'text', from, to: from + 6, text: 'm' },
      { kind: 'text', from: from + 6, to: from + 6, text: 'u' },
      { kind: 'text', from: from + 6, to: from + 6, text: 'st' },
    ]);
    expect(active).toMatchObject({ originalText: 'should', insertText: 'must' });
  });

  it('turns Backspace or Delete on a selection into a deletion', () => {
    const from = at('should ');
    expect(planSuggestion(TEXT, { kind: 'delete', from, to: from + 7, direction: 'backward' }, null)).toMatchObject({
      op: 'create',
      originalText: 'should ',
      insertText: '',
      caret: from,
    });
    expect(planSuggestion(TEXT, { kind: 'delete', from, to: from + 7, direction: 'forward' }, null)).toMatchObject({ caret: from + 7 });
  });

  it('grows one deletion with repeated Backspace, then replaces it when the user types', () => {
    const end = at(' adopt');
    const { plans, active } = replay([
      ...Array.from({ length: 6 }, (_, i) => ({ kind: 'delete' as const, from: end - i, to: end - i, direction: 'backward' as const })),
      { kind: 'text', from: end - 6, to: end - 6, text: 'must' },
    ]);
    expect(plans.filter((p) => p.op === 'create')).toHaveLength(1);
    expect(active).toMatchObject({ start: end - 6, end, originalText: 'should', insertText: 'must' });
  });

  it('grows one deletion with repeated Delete', () => {
    const from = at('should');
    const { active } = replay(Array.from({ length: 7 }, (_, i) => ({ kind: 'delete' as const, from: from + i, to: from + i, direction: 'forward' as const })));
    expect(active).toMatchObject({ originalText: 'should ', insertText: '' });
  });

  it('takes back typed characters with Backspace, and withdraws an insertion emptied that way', () => {
    const p = at('adopt');
    const { plans, active } = replay([
      { kind: 'text', from: p, to: p, text: 'ab' },
      { kind: 'delete', from: p, to: p, direction: 'backward' },
      { kind: 'delete', from: p, to: p, direction: 'backward' },
    ]);
    expect(plans[1]).toMatchObject({ op: 'revise', insertText: 'a' });
    expect(plans[2]).toEqual({ op: 'withdraw', id: 's1', caret: p });
    expect(active).toBeNull();
  });

  it('refuses to suggest joining paragraphs', () => {
    const start = at('Second');
    expect(planSuggestion(TEXT, { kind: 'delete', from: start, to: start, direction: 'backward' }, null)).toEqual({ op: 'none', reason: 'line-break' });
    const end = at('\n');
    expect(planSuggestion(TEXT, { kind: 'delete', from: end, to: end, direction: 'forward' }, null)).toEqual({ op: 'none', reason: 'line-break' });
    expect(planSuggestion(TEXT, { kind: 'delete', from: 0, to: 0, direction: 'backward' }, null)).toMatchObject({ op: 'none' });
  });

  it('starts a new suggestion when the caret is elsewhere than the active one', () => {
    const p = at('adopt');
    const active: ActiveSuggestion = { id: 'x', start: p, end: p, originalText: '', insertText: 'swiftly ' };
    expect(planSuggestion(TEXT, { kind: 'text', from: 3, to: 3, text: '!' }, active)).toMatchObject({ op: 'create', start: 3 });
  });

  it('pastes several lines as one line of suggested text', () => {
    expect(inlineText('first line\r\n\r\n  second')).toBe('first line second');
    expect(planSuggestion(TEXT, { kind: 'text', from: 0, to: 0, text: '\n' }, null)).toEqual({ op: 'none', reason: 'nothing' });
  });
});
