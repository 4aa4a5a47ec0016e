/**
 * Where each cell of a model table sits on the table's grid, with rows merged down (rowspan) as well as columns
 * (colspan). Both writers need it: pdfmake wants a placeholder at every covered position, and Word cell widths are
 * a share of the whole table's columns, not of the cells a row happens to hold.
 */
import type { TableCell } from './model.ts';

export interface PlacedCell {
  cell: TableCell;
  column: number;
  /** The cell's colspan and rowspan, cut to the table (a rowspan past the last row ends there). */
  colspan: number;
  rowspan: number;
}

export interface TableGrid {
  columns: number;
  /** The cells starting in each row, in column order. */
  rows: PlacedCell[][];
}

export function tableGrid(rows: TableCell[][]): TableGrid {
  // covered[r] holds the columns of row r taken by cells merged down from the rows above.
  const covered: Set<number>[] = rows.map(() => new Set());
  let columns = 0;
  const placed = rows.map((cells, r) => {
    let column = 0;
    return cells.map((cell) => {
      while (covered[r]!.has(column)) column++;
      const rowspan = Math.max(1, Math.min(cell.rowspan, rows.length - r));
      for (let below = r + 1; below < r + rowspan; below++) {
        for (let c = column; c < column + cell.colspan; c++) covered[below]!.add(c);
      }
      const at: PlacedCell = { cell, column, colspan: cell.colspan, rowspan };
      column += cell.colspan;
      columns = Math.max(columns, column);
      return at;
    });
  });
  for (const row of covered) for (const c of row) columns = Math.max(columns, c + 1);
  return { columns: Math.max(1, columns), rows: placed };
}
