import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import type { TableCell } from './model.ts';
import { pdfBlocks } from './pdf/pdfBlocks.ts';
import { tableGrid } from './tableGrid.ts';

const cell = (text: string, colspan = 1, rowspan = 1): TableCell => ({
  blocks: [{ kind: 'paragraph', inlines: [{ kind: 'text', text }] }],
  header: false,
  colspan,
  rowspan,
});

/** Region | Cases (2 columns) / North (2 rows) | 2022 | 10 / 2023 | 12 / Total (2 columns, 3 rows asked, 1 left) | 22 */
const rows: TableCell[][] = [
  [cell('Region'), cell('Cases', 2)],
  [cell('North', 1, 2), cell('2022'), cell('10')],
  [cell('2023'), cell('12')],
  [cell('Total', 2, 3), cell('22')],
];

describe('tableGrid', () => {
  it('places each cell at its column, past the columns merged down from the rows above', () => {
    const grid = tableGrid(rows);
    expect(grid.columns).toBe(3);
    expect(grid.rows.map((r) => r.map((p) => [p.column, p.colspan, p.rowspan]))).toEqual([
      [[0, 1, 1], [1, 2, 1]],
      [[0, 1, 2], [1, 1, 1], [2, 1, 1]],
      [[1, 1, 1], [2, 1, 1]],
      // A rowspan past the last row ends there.
      [[0, 2, 1], [2, 1, 1]],
    ]);
  });
});

describe('PDF tables', () => {
  it('give pdfmake a cell or a placeholder at every position, with the spans of merged cells', () => {
    const [content] = pdfBlocks([{ kind: 'table', rows }], 400, { measure: () => 0 });
    const body = (content as Extract<Content, { table: unknown }>).table.body;
    const shape = body.map((row) =>
      row.map((c) => {
        const pdfCell = c as { stack?: unknown; colSpan?: number; rowSpan?: number };
        return pdfCell.stack ? `${pdfCell.colSpan}×${pdfCell.rowSpan}` : '-';
      }),
    );
    expect(shape).toEqual([
      ['1×1', '2×1', '-'],
      ['1×2', '1×1', '1×1'],
      ['-', '1×1', '1×1'],
      ['2×1', '-', '1×1'],
    ]);
  });
});
