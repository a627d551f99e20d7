// Member import from the office's spreadsheet: the file's bytes (.xlsx or .csv, told apart by
// their first bytes) → the preview of every row with its errors. Pure; the routes save nothing
// until the officer confirms, and the confirm step re-runs `checkRows` on what it receives.
import type { ImportPreview } from '../../../../shared/member-import';
import { readCsv } from './csv';
import { SpreadsheetError, type Grid } from './grid';
import { previewGrid, type ImportContext } from './preview';
import { readXlsx } from './xlsx';

export { checkRows, type ImportContext } from './preview';

/** Reads an .xlsx (a zip: "PK\x03\x04") or a CSV file; an old binary .xls is refused with advice. */
export function readSpreadsheet(bytes: Uint8Array): Grid {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return readXlsx(bytes);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new SpreadsheetError(
      'Tệp .xls (Excel 97–2003) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx hoặc CSV UTF-8.',
      '.xls files (Excel 97–2003) are not supported; open the file in Excel and save it as .xlsx or CSV UTF-8.',
    );
  }
  return readCsv(bytes);
}

export function previewMemberImport(bytes: Uint8Array, ctx: ImportContext): ImportPreview {
  let grid: Grid;
  try {
    grid = readSpreadsheet(bytes);
  } catch (e) {
    if (!(e instanceof SpreadsheetError)) throw e;
    return {
      columns: [],
      ignoredColumns: [],
      fileErrors: [{ vi: e.vi, en: e.en }],
      rows: [],
      summary: { total: 0, valid: 0, withErrors: 0 },
    };
  }
  return previewGrid(grid, ctx);
}
