// Reads the first worksheet of an .xlsx workbook into a Grid, with fflate (already a dependency)
// and a small reader of the few SpreadsheetML parts that matter: the workbook (first sheet,
// 1904 dates), its relationships, the shared strings and the sheet's cells and merged ranges.
// A merged range's value is copied into every cell it covers, so a "Tổ đại biểu" cell merged over
// five rows applies to each of the five members. Styles are not read: a number stays a number
// and the importer decides (by the column) whether it is a date.
import { unzipSync } from 'fflate';
import { SpreadsheetError, type Cell, type Grid, type GridRow } from './grid';

/** Largest uncompressed part read (a 2,000-member sheet is well under 2 MB). */
const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Largest sheet read: rows × columns, against a corrupt or hostile `ref`. */
const MAX_ROWS = 20_000;
const MAX_COLUMNS = 200;

const notXlsx = () =>
  new SpreadsheetError(
    'Không đọc được tệp .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng "Sổ làm việc Excel (.xlsx)" hoặc CSV UTF-8 rồi tải lên lại.',
    'Could not read the .xlsx file. Open it in Excel, save it as "Excel Workbook (.xlsx)" or CSV UTF-8, and upload it again.',
  );

function unzip(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) {
          throw new SpreadsheetError(
            'Tệp bảng tính quá lớn để nhập. Hãy chỉ giữ danh sách đại biểu trong tệp.',
            'The spreadsheet is too large to import. Keep only the list of members in the file.',
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof SpreadsheetError) throw e;
    throw notXlsx();
  }
  const decoder = new TextDecoder('utf-8');
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, decoder.decode(v)]));
}

/** Decodes XML character references and OOXML's `_xHHHH_` escapes of control characters. */
export function xmlText(s: string): string {
  return s
    .replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec, hex) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex as string, 16));
      return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[name] ?? m;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const patterns = new Map<string, RegExp>();
/** One compiled pattern per key (the reader asks for the same few thousands of times). */
function cached(key: string, make: () => RegExp): RegExp {
  let re = patterns.get(key);
  if (!re) patterns.set(key, (re = make()));
  return re;
}

/** The value of attribute `name` in a start tag's text, decoded. */
function attr(tag: string, name: string): string | undefined {
  const m = cached(
    `attr:${name}`,
    () => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`),
  ).exec(tag);
  return m ? xmlText(m[1] ?? m[2] ?? '') : undefined;
}

// Element patterns allow a namespace prefix (`<x:c>`), as some writers (Open XML SDK) emit. Every
// pattern stops at the next "<" (no lazy scan to a closing tag), so reading stays linear in the
// size of the part even for a broken or hostile file full of unclosed tags.
const P = '(?:[\\w.-]+:)?';
const openTag = (name: string) =>
  cached(`open:${name}`, () => new RegExp(`<${P}${name}\\b([^<>]*?)(/?)>`, 'g'));
const closeTag = (name: string) => cached(`close:${name}`, () => new RegExp(`</${P}${name}\\s*>`));
const SHEET_RE = openTag('sheet');
const REL_RE = openTag('Relationship');
const MERGE_RE = openTag('mergeCell');
const V_RE = new RegExp(`<${P}v\\b[^<>]*>([^<]*)</${P}v\\s*>`);

/**
 * The elements `name` of `xml` in document order: their start tag's attributes and their content
 * (undefined when self-closing). The text is cut at each closing tag first, so each piece holds
 * at most one open element (the last start tag in it), and nothing is scanned twice.
 */
function* elements(xml: string, name: string): Generator<{ attrs: string; inner?: string }> {
  const pieces = xml.split(closeTag(name));
  for (const [i, piece] of pieces.entries()) {
    const starts = [...piece.matchAll(openTag(name))];
    const closedAt = i < pieces.length - 1 ? starts.findLastIndex((m) => m[2] !== '/') : -1;
    for (const [j, m] of starts.entries()) {
      if (m[2] === '/') yield { attrs: m[1]! };
      else if (j === closedAt) yield { attrs: m[1]!, inner: piece.slice(m.index + m[0].length) };
    }
  }
}

/** Text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic runs (`<rPh>`). */
function runsText(xml: string): string {
  const pieces = xml.split(closeTag('rPh'));
  let out = '';
  for (const [i, piece] of pieces.entries()) {
    const phonetic =
      i < pieces.length - 1 ? piece.search(cached('rPh', () => new RegExp(`<${P}rPh\\b`))) : -1;
    const text = phonetic >= 0 ? piece.slice(0, phonetic) : piece;
    for (const t of elements(text, 't')) out += xmlText(t.inner ?? '');
  }
  return out;
}

/** "AB12" → { col: 27, row: 12 } (col 0-based, row 1-based). */
export function cellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** Joins a relationship target to the folder of the part that names it ("xl/"). */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function readXlsx(bytes: Uint8Array): Grid {
  const head = unzip(
    bytes,
    (n) =>
      n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === '[Content_Types].xml',
  );
  const workbook = head['xl/workbook.xml'];
  const rels = head['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) throw notXlsx();

  const firstSheet = workbook.matchAll(SHEET_RE).next().value;
  const sheetRid = firstSheet && (attr(firstSheet[1]!, 'r:id') ?? attr(firstSheet[1]!, 'id'));
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);
  let sheetPath: string | undefined;
  let stringsPath: string | undefined;
  for (const m of rels.matchAll(REL_RE)) {
    const id = attr(m[1]!, 'Id');
    const type = attr(m[1]!, 'Type') ?? '';
    const target = attr(m[1]!, 'Target');
    if (!target) continue;
    if (id === sheetRid) sheetPath = resolvePart('xl', target);
    if (type.endsWith('/sharedStrings')) stringsPath = resolvePart('xl', target);
  }
  if (!sheetPath) throw notXlsx();

  const parts = unzip(bytes, (n) => n === sheetPath || n === stringsPath);
  const sheet = parts[sheetPath];
  if (sheet === undefined) throw notXlsx();
  const strings: string[] = [];
  const stringsXml = stringsPath ? (parts[stringsPath] ?? '') : '';
  for (const si of elements(stringsXml, 'si')) strings.push(runsText(si.inner ?? ''));

  const byRow = new Map<number, Cell[]>();
  let rowNo = 0;
  for (const r of elements(sheet, 'row')) {
    const rAttr = attr(r.attrs, 'r');
    rowNo = rAttr ? Number(rAttr) : rowNo + 1;
    if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > MAX_ROWS) throw notXlsx();
    const cells: Cell[] = [];
    let col = -1;
    for (const c of elements(r.inner ?? '', 'c')) {
      const ref = attr(c.attrs, 'r');
      col = ref ? (cellRef(ref)?.col ?? col + 1) : col + 1;
      if (col >= MAX_COLUMNS) continue;
      cells[col] = cellValue(c.attrs, c.inner ?? '', strings);
    }
    byRow.set(rowNo, cells);
  }

  let filled = 0;
  for (const m of sheet.matchAll(MERGE_RE)) {
    const [from, to] = (attr(m[1]!, 'ref') ?? '').split(':').map(cellRef);
    if (!from || !to) continue;
    filled += (to.row - from.row + 1) * (to.col - from.col + 1);
    if (filled > MAX_ROWS * 20) throw notXlsx(); // merged ranges far beyond any member list
    const value = byRow.get(from.row)?.[from.col] ?? null;
    const lastRow = Math.min(to.row, MAX_ROWS);
    const lastCol = Math.min(to.col, MAX_COLUMNS - 1);
    for (let row = from.row; row <= lastRow; row++) {
      let cells = byRow.get(row);
      if (!cells) byRow.set(row, (cells = []));
      for (let col = from.col; col <= lastCol; col++) cells[col] = value;
    }
  }

  const rows: GridRow[] = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, cells]) => ({ line, cells: Array.from(cells, (c) => c ?? null) }));
  return { rows, date1904 };
}

function cellValue(tag: string, inner: string, strings: string[]): Cell {
  const type = attr(tag, 't') ?? 'n';
  if (type === 'inlineStr') return runsText(inner) || null;
  const v = V_RE.exec(inner)?.[1];
  if (v === undefined) return null;
  const raw = xmlText(v);
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'n': {
      const n = Number(raw);
      return raw.trim() === '' || !Number.isFinite(n) ? null : n;
    }
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return null;
    default: // str (formula text), d (ISO date)
      return raw;
  }
}
