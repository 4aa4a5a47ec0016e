/**
 * Compare two versions of a report: sections added, removed, moved or renamed, and within each section the
 * words inserted and deleted (a Myers diff over words and the spaces between them).
 */
import type { ReportContent, SectionContent } from './content.ts';

export type DiffOp = { kind: 'equal' | 'insert' | 'delete'; text: string };

export interface SectionComparison {
  id: string;
  title: string;
  previousTitle: string | null;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  moved: boolean;
  ops: DiffOp[];
  inserted: number;
  deleted: number;
}

function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Shortest edit script between two token lists (Myers, O((N+M)D)). */
export function diffTokens(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1));
      let x = down ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk back through the trace to recover the script.
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: 'equal', text: a[--x]! }), y--;
    if (d > 0) {
      if (down) ops.push({ kind: 'insert', text: b[--y]! });
      else ops.push({ kind: 'delete', text: a[--x]! });
    }
  }
  ops.reverse();
  return readable(ops);
}

/**
 * Group a change into one deletion followed by one insertion, absorbing the single spaces left equal between
 * changed words, so "should → must urgently" reads as one replacement rather than four fragments.
 */
function readable(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'delete', text: del });
    if (ins) out.push({ kind: 'insert', text: ins });
    del = ins = '';
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const inChange = del !== '' || ins !== '';
    const nextChanges = ops[i + 1] !== undefined && ops[i + 1]!.kind !== 'equal';
    if (op.kind === 'delete') del += op.text;
    else if (op.kind === 'insert') ins += op.text;
    else if (inChange && nextChanges && /^\s+$/.test(op.text)) {
      del += op.text;
      ins += op.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last && last.kind === 'equal') last.text += op.text;
      else out.push({ ...op });
    }
  }
  flush();
  return out;
}

export function diffText(before: string, after: string): DiffOp[] {
  return diffTokens(tokens(before), tokens(after));
}

const words = (ops: DiffOp[], kind: DiffOp['kind']) => ops.filter((o) => o.kind === kind).reduce((n, o) => n + (o.text.match(/\S+/g)?.length ?? 0), 0);

/** How `after` differs from `before`, section by section, in the order of `after` (removed ones where they were). */
export function compareReports(before: ReportContent, after: ReportContent): SectionComparison[] {
  const old = new Map(before.sections.map((s, i) => [s.id, { s, i }]));
  const now = new Map(after.sections.map((s, i) => [s.id, { s, i }]));
  // A section has moved when its position among the sections both versions share changed.
  const commonBefore = before.sections.filter((s) => now.has(s.id)).map((s) => s.id);
  const commonAfter = after.sections.filter((s) => old.has(s.id)).map((s) => s.id);
  const rankBefore = new Map(commonBefore.map((id, i) => [id, i]));
  const out: SectionComparison[] = [];
  const describe = (s: SectionContent, change: SectionComparison['change'], ops: DiffOp[], previousTitle: string | null, moved: boolean) =>
    ({ id: s.id, title: s.title, previousTitle, change, moved, ops, inserted: words(ops, 'insert'), deleted: words(ops, 'delete') }) as SectionComparison;

  for (const s of after.sections) {
    const prev = old.get(s.id)?.s;
    if (!prev) {
      out.push(describe(s, 'added', s.text ? [{ kind: 'insert', text: s.text }] : [], null, false));
      continue;
    }
    const ops = diffText(prev.text, s.text);
    const changed = ops.some((o) => o.kind !== 'equal') || prev.title !== s.title || prev.status !== s.status;
    const moved = rankBefore.get(s.id) !== commonAfter.indexOf(s.id);
    out.push(describe(s, changed ? 'changed' : 'unchanged', ops, prev.title !== s.title ? prev.title : null, moved));
  }
  for (const { s, i } of old.values()) {
    if (now.has(s.id)) continue;
    const removed = describe(s, 'removed', s.text ? [{ kind: 'delete', text: s.text }] : [], null, false);
    out.splice(Math.min(i, out.length), 0, removed);
  }
  return out;
}
