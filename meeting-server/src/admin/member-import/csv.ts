// Reads a .csv file into a Grid: RFC 4180 quoting (quoted commas, quotes and line breaks), the
// separator Excel used (comma, or semicolon/tab in locales where the comma is the decimal mark),
// UTF-8 with or without BOM, and Windows-1258 (what Excel's plain "CSV" writes on a Vietnamese
// Windows, with tone marks as separate combining characters: the importer composes them, NFC).
import { SpreadsheetError, type Grid, type GridRow } from './grid';

const MAX_ROWS = 20_000;

/** Decodes the bytes as UTF-8, or as Windows-1258 when they are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

/** The separator: the one of , ; tab that occurs most often outside quotes in the first line. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/** Splits CSV text into records of fields; each record keeps the line it starts on. */
export function parseCsv(text: string, sep = detectSeparator(text)): GridRow[] {
  const rows: GridRow[] = [];
  let field = '';
  let cells: (string | null)[] = [];
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endField = () => {
    cells.push(field === '' ? null : field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (cells.some((c) => c !== null)) rows.push({ line: start, cells });
    if (rows.length > MAX_ROWS) {
      throw new SpreadsheetError(
        `Tệp có hơn ${MAX_ROWS} dòng; hãy chia nhỏ tệp.`,
        `The file has more than ${MAX_ROWS} rows; split it.`,
      );
    }
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (field !== '' || cells.length) endRecord();
  return rows;
}

export function readCsv(bytes: Uint8Array): Grid {
  return { rows: parseCsv(decodeText(bytes).replace(/^\uFEFF/, '')) };
}
