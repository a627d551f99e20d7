// Test and bench fixtures: builds .xlsx workbooks the way Excel writes them (shared strings with
// rich-text and phonetic runs, style attributes, `spans`, merged ranges, a styles part), and the
// variants other writers produce (inline strings, an `x:` namespace prefix, 1904 dates).
import { strToU8, zipSync } from 'fflate';
import type { Cell } from './grid';

export interface XlsxOptions {
  /** Ranges such as "D3:D5", merged with the top-left cell's value. */
  merges?: string[];
  /** Write text as inline strings instead of shared strings (as some exporters do). */
  inlineStrings?: boolean;
  /** Prefix every SpreadsheetML element with `x:` (as the Open XML SDK does). */
  prefix?: boolean;
  date1904?: boolean;
  /** A second sheet after the first (the importer reads only the first). */
  secondSheet?: Cell[][];
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function colName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetXml(rows: Cell[][], strings: string[], opts: XlsxOptions, merges: string[]): string {
  const p = opts.prefix ? 'x:' : '';
  const xmlns = opts.prefix ? `xmlns:x="${NS}"` : `xmlns="${NS}"`;
  const stringIndex = new Map(strings.map((s, i) => [s, i]));
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((c, col) => {
          const ref = `${colName(col)}${r + 1}`;
          if (c === null) return `<${p}c r="${ref}" s="1"/>`;
          if (typeof c === 'number') return `<${p}c r="${ref}" s="2"><${p}v>${c}</${p}v></${p}c>`;
          if (opts.inlineStrings) {
            return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(c)}</${p}t></${p}is></${p}c>`;
          }
          let i = stringIndex.get(c);
          if (i === undefined) {
            i = strings.push(c) - 1;
            stringIndex.set(c, i);
          }
          return `<${p}c r="${ref}" s="1" t="s"><${p}v>${i}</${p}v></${p}c>`;
        })
        .join('');
      return `<${p}row r="${r + 1}" spans="1:${cells.length}" x14ac:dyDescent="0.25">${cs}</${p}row>`;
    })
    .join('');
  const mergeXml = merges.length
    ? `<${p}mergeCells count="${merges.length}">${merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
    `<${p}worksheet ${xmlns} xmlns:r="${RNS}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<${p}sheetPr/><${p}dimension ref="A1"/><${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>` +
    `<${p}cols><${p}col min="1" max="1" width="30"/></${p}cols>` +
    `<${p}sheetData>${body}</${p}sheetData>${mergeXml}` +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`
  );
}

/** An .xlsx workbook whose first sheet holds `rows` (row 1 first). */
export function buildXlsx(rows: Cell[][], opts: XlsxOptions = {}): Uint8Array {
  const strings: string[] = [];
  const p = opts.prefix ? 'x:' : '';
  const xmlns = opts.prefix ? `xmlns:x="${NS}"` : `xmlns="${NS}"`;
  const sheets = [sheetXml(rows, strings, opts, opts.merges ?? [])];
  if (opts.secondSheet) sheets.push(sheetXml(opts.secondSheet, strings, opts, []));
  // Excel writes rich text as runs, and Japanese input adds phonetic runs the reader must skip.
  const si = strings
    .map((s) =>
      s.length > 6
        ? `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">${esc(s.slice(0, 3))}</${p}t></${p}r><${p}r><${p}t xml:space="preserve">${esc(s.slice(3))}</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ヨミ</${p}t></${p}rPh></${p}si>`
        : `<${p}si><${p}t>${esc(s)}</${p}t></${p}si>`,
    )
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}workbook ${xmlns} xmlns:r="${RNS}"><${p}workbookPr${opts.date1904 ? ' date1904="1"' : ''} defaultThemeVersion="166925"/><${p}sheets>` +
        // The visible first sheet is listed first; its relationship id is deliberately not rId1.
        sheets
          .map((_, i) => `<${p}sheet name="Sheet${i + 1}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
          .join('') +
        `</${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${RNS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="${RNS}/sharedStrings" Target="/xl/sharedStrings.xml"/>` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 3}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `</Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="49"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  // Built after the sheets, which fill `strings`.
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}sst ${xmlns} count="${strings.length}" uniqueCount="${strings.length}">${si}</${p}sst>`,
  );
  return zipSync(files, { level: 6 });
}

/** The same rows as CSV text (comma-separated, quoted where needed). */
export function toCsv(rows: Cell[][], sep = ','): string {
  return rows
    .map((r) =>
      r
        .map((c) => {
          const s = c === null ? '' : String(c);
          return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(sep),
    )
    .join('\r\n');
}

/** The header row of an office's member list, one column per field. */
export const MEMBER_HEADER: Cell[] = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Tổ đại biểu',
  'Ban',
  'Đơn vị',
  'Điện thoại',
  'Email',
];

/** `n` members as spreadsheet rows under the usual header (for the 1,000-row test and bench). */
export function manyMemberRows(n: number): Cell[][] {
  const header = MEMBER_HEADER;
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
  const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Quang', 'Thu', 'Hữu', 'Ngọc'];
  const given = [
    'An',
    'Bình',
    'Chi',
    'Dũng',
    'Hà',
    'Hùng',
    'Hưng',
    'Lan',
    'Mai',
    'Nam',
    'Thảo',
    'Yến',
  ];
  const rows: Cell[][] = [header];
  for (let i = 0; i < n; i++) {
    const name = `${family[i % 10]} ${middle[Math.floor(i / 10) % 8]} ${given[Math.floor(i / 80) % 12]} ${i + 1}`;
    rows.push([
      i + 1,
      name,
      `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1960 + (i % 40)}`,
      `Tổ ${(i % 12) + 1}`,
      i % 2 ? 'Ban Pháp chế' : 'Ban Kinh tế - Ngân sách',
      `Ủy ban nhân dân xã số ${i + 1}`,
      `09${String(10_000_000 + i).padStart(8, '0')}`,
      `daibieu${i + 1}@hdnd.gov.vn`,
    ]);
  }
  return rows;
}
