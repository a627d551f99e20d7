// The table a spreadsheet file is read into, whatever its format: rows with their number in the
// file and their cells (text, or a number as Excel stored it), merged ranges already filled in.

/** A cell: text as written, a number (Excel numbers and dates are numbers), or empty. */
export type Cell = string | number | null;

export interface GridRow {
  /** The row's number in the file (Excel's row number; for CSV the line the record starts on). */
  line: number;
  cells: Cell[];
}

export interface Grid {
  rows: GridRow[];
  /** Excel serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  date1904?: boolean;
}

/** A file that cannot be read at all; the message says what to do. */
export class SpreadsheetError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}
