// From a read spreadsheet to the import preview: finds the header row by its Vietnamese column
// names (with or without diacritics, common variants), reads each row into a member's values and
// checks every row (missing name, duplicate in the file or of an existing member, unknown
// committee or delegate group, bad date, phone or e-mail). Nothing here touches the database:
// what exists (committees, groups, members) is passed in, so the confirm step runs the same checks.
import type {
  ImportError,
  ImportErrorCode,
  ImportField,
  ImportPreview,
  ImportRow,
  ImportValues,
} from '../../../../shared/member-import';
import { exactForm, foldText } from '../../../../shared/text/normalize';
import type { Cell, Grid, GridRow } from './grid';
import { cleanEmail, cleanPhone, cleanText, parseDate } from './values';

/** What the council already has, against which rows are checked. */
export interface ImportContext {
  /** The council's committees (bodies), matched by name without diacritics or case. */
  committees: { id: string; name: string }[];
  /**
   * The delegate groups (tổ đại biểu) already in use. When there are none yet, every group in
   * the file is accepted; otherwise a group must be one of these.
   */
  groups: string[];
  /** Members already in the council (a row with the same name and date of birth is a duplicate). */
  existing: { fullName: string; dateOfBirth: string | null }[];
}

/** Header words, folded (no diacritics, lower case, punctuation as spaces), per field. */
const HEADERS: Record<ImportField, string[]> = {
  fullName: [
    'ho va ten',
    'ho ten',
    'ho va ten dai bieu',
    'ho ten dai bieu',
    'ten dai bieu',
    'ten',
    'dai bieu',
    'full name',
    'name',
  ],
  dateOfBirth: [
    'ngay sinh',
    'ngay thang nam sinh',
    'ngay thang sinh',
    'sinh ngay',
    'date of birth',
    'birth date',
    'dob',
  ],
  delegateGroup: [
    'to dai bieu',
    'to',
    'to db',
    'to dbhdnd',
    'to dai bieu hdnd',
    'thuoc to',
    'delegate group',
    'group',
  ],
  committees: [
    'ban',
    'ban hdnd',
    'ban cua hdnd',
    'thanh vien ban',
    'ban chuyen trach',
    'cac ban',
    'committee',
    'committees',
  ],
  unit: [
    'don vi',
    'don vi cong tac',
    'co quan',
    'co quan cong tac',
    'co quan don vi',
    'co quan don vi cong tac',
    'noi cong tac',
    'chuc vu don vi cong tac',
    'unit',
    'organisation',
    'organization',
  ],
  phone: [
    'dien thoai',
    'so dien thoai',
    'dien thoai di dong',
    'di dong',
    'so di dong',
    'sdt',
    'dt',
    'phone',
    'mobile',
    'telephone',
  ],
  email: [
    'email',
    'e mail',
    'thu dien tu',
    'dia chi email',
    'dia chi e mail',
    'dia chi thu dien tu',
  ],
  contact: ['lien he', 'thong tin lien he', 'contact'],
};

const HEADER_FIELD = new Map<string, ImportField>();
for (const [field, names] of Object.entries(HEADERS) as [ImportField, string[]][]) {
  for (const n of names) HEADER_FIELD.set(n, field);
}

/** Folded words of a text: no diacritics, đ→d, lower case, punctuation as single spaces. */
export function foldWords(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The field a header names, if any ("Họ và tên", "HO TEN", "Điện thoại/Email", "Ngày sinh (1)"). */
export function headerField(header: string): ImportField | undefined {
  const words = foldWords(header.replace(/\([^)]*\)/g, ' '));
  const field = HEADER_FIELD.get(words);
  if (field) return field;
  const phone = /\b(dien thoai|sdt|dt|phone)\b/.test(words);
  const email = /\b(email|e mail|thu dien tu)\b/.test(words);
  if (phone && email) return 'contact';
  return undefined;
}

const cellText = (c: Cell | undefined): string => (c === null || c === undefined ? '' : String(c));

interface Columns {
  line: number;
  columns: ImportPreview['columns'];
  ignored: string[];
}

/** The header row: among the first 30 rows, the one naming the most fields, with a name column. */
function findHeader(grid: Grid): Columns | undefined {
  let best: Columns | undefined;
  for (const row of grid.rows.slice(0, 30)) {
    const columns: Columns['columns'] = [];
    const ignored: string[] = [];
    const seen = new Set<ImportField>();
    row.cells.forEach((c, column) => {
      const header = cleanText(c);
      if (header === null) return;
      const field = headerField(header);
      // A header merged over two columns reads twice: the first column holds the field.
      if (field && !seen.has(field)) {
        seen.add(field);
        columns.push({ field, header, column });
      } else if (!field) ignored.push(header);
    });
    if (seen.has('fullName') && (!best || columns.length > best.columns.length)) {
      best = { line: row.line, columns, ignored };
    }
  }
  return best;
}

const msg = (vi: string, en: string) => ({ vi, en });

function error(code: ImportErrorCode, field: ImportField, vi: string, en: string): ImportError {
  return { code, field, message: msg(vi, en) };
}

/** A line made only of column numbers ("(1)", "2", …), as under many official tables' headers. */
const isNumbering = (cells: (Cell | undefined)[]) =>
  cells.every((c) => c === null || c === undefined || /^\(?\d{1,2}\)?$/.test(String(c).trim()));

interface ReadRow {
  line: number;
  values: ImportValues;
  errors: ImportError[];
}

/** Reads one row into values, with the errors of what could not be read (date, phone, e-mail). */
function readRow(row: GridRow, columns: Columns['columns'], date1904: boolean): ReadRow | null {
  const at = (field: ImportField): Cell =>
    row.cells[columns.find((c) => c.field === field)?.column ?? -1] ?? null;
  const used = columns.map((c) => row.cells[c.column]);
  if (used.every((c) => c === null || c === undefined || cleanText(c) === null)) return null;
  if (isNumbering(used)) return null;
  const name = cleanText(at('fullName'));
  if (name && headerField(name) === 'fullName') return null; // a header repeated (merged rows)

  const errors: ImportError[] = [];
  const birthCell = at('dateOfBirth');
  const dateOfBirth = parseDate(birthCell, date1904);
  if (dateOfBirth === null) {
    const was = cellText(birthCell);
    errors.push(
      error(
        'bad_date',
        'dateOfBirth',
        `Ngày sinh "${was}" không đọc được; hãy ghi dạng ngày/tháng/năm, ví dụ 05/03/1970.`,
        `Date of birth "${was}" cannot be read; write it as day/month/year, e.g. 05/03/1970.`,
      ),
    );
  }
  const contact = splitContact(cleanText(at('contact')));
  const values: ImportValues = {
    fullName: name ?? '',
    dateOfBirth: dateOfBirth ?? null,
    delegateGroup: cleanText(at('delegateGroup')),
    committees: splitList(cleanText(at('committees'))),
    unit: cleanText(at('unit')),
    phone: cleanText(at('phone')) ?? contact.phone,
    email: cleanText(at('email')) ?? contact.email,
  };
  return { line: row.line, values, errors };
}

/** Committees listed in one cell: separated by ";", ",", a line break or " + ". */
function splitList(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/[;,\n]|\s\+\s/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A "Điện thoại/Email" cell: the part with @ is the e-mail, the rest the phone. */
function splitContact(text: string | null): { phone: string | null; email: string | null } {
  if (!text) return { phone: null, email: null };
  const parts = text.split(/[;,/\n]|\s-\s|\s(?=\S+@)/).map((s) => s.trim());
  const email = parts.find((p) => p.includes('@')) ?? null;
  const phone = parts.filter((p) => p && !p.includes('@')).join(' ') || null;
  return { phone, email };
}

/** A committee's name for matching: folded, without "Ban" before it or "của HĐND …" after it. */
const committeeKey = (name: string) =>
  foldWords(name)
    .replace(/^ban\s+/, '')
    .replace(/\s+(cua\s+)?hdnd\b.*$/, '');
/** A delegate group's name for matching: folded, without "Tổ (đại biểu) (số)" before it. */
const groupKey = (name: string) =>
  foldWords(name).replace(/^to\s+(dai\s+bieu\s+)?(hdnd\s+)?(so\s+)?/, '');
/** A person's name for duplicates: accents kept (Hùng ≠ Hưng), case and tone placement not. */
const nameKey = (name: string) => exactForm(name.replace(/\s+/g, ' ').trim());

const sameBirth = (a: string | null, b: string | null) => a === null || b === null || a === b;

/**
 * Checks rows read from a file (or sent back to confirm): cleans what is already values (phone,
 * e-mail, group's spelling) and finds missing names, duplicates and unknown committees/groups.
 */
export function checkRows(
  rows: { line: number; values: ImportValues; errors?: ImportError[] }[],
  ctx: ImportContext,
): ImportRow[] {
  const committees = new Map(ctx.committees.map((c) => [committeeKey(c.name), c]));
  const groups = new Map(ctx.groups.map((g) => [groupKey(g), g]));
  const existing = new Map<string, (string | null)[]>();
  for (const m of ctx.existing) {
    const k = nameKey(m.fullName);
    existing.set(k, [...(existing.get(k) ?? []), m.dateOfBirth]);
  }
  const inFile = new Map<string, { line: number; dateOfBirth: string | null }[]>();
  const knownCommittees = ctx.committees.map((c) => c.name).join('; ');

  return rows.map((row) => {
    const errors = [...(row.errors ?? [])];
    const v = { ...row.values };
    const fullName = cleanText(v.fullName) ?? '';
    v.fullName = fullName;
    if (!fullName) {
      errors.push(
        error(
          'missing_name',
          'fullName',
          'Thiếu họ và tên; hãy điền họ tên đại biểu hoặc xoá dòng này.',
          "Missing name; fill in the member's name or delete this row.",
        ),
      );
    } else if (fullName.length > 200) {
      errors.push(
        error(
          'name_too_long',
          'fullName',
          'Họ và tên dài quá 200 ký tự; có thể hai cột bị gộp, hãy kiểm tra lại.',
          'The name is longer than 200 characters; two columns may be merged, check the row.',
        ),
      );
    } else {
      const key = nameKey(fullName);
      const earlier = inFile.get(key)?.find((r) => sameBirth(r.dateOfBirth, v.dateOfBirth));
      if (earlier) {
        errors.push(
          error(
            'duplicate_in_file',
            'fullName',
            `Trùng với dòng ${earlier.line} (cùng họ tên${v.dateOfBirth ? ' và ngày sinh' : ''}); hãy xoá một dòng hoặc ghi ngày sinh để phân biệt.`,
            `Same as row ${earlier.line} (same name${v.dateOfBirth ? ' and date of birth' : ''}); delete one row, or add the date of birth to tell them apart.`,
          ),
        );
      }
      if (existing.get(key)?.some((d) => sameBirth(d, v.dateOfBirth))) {
        errors.push(
          error(
            'duplicate_existing',
            'fullName',
            `Đại biểu "${fullName}" đã có trong danh sách của Hội đồng; hãy xoá dòng này hoặc ghi ngày sinh nếu là người khác.`,
            `Member "${fullName}" is already in the council's list; delete this row, or add the date of birth if it is someone else.`,
          ),
        );
      }
      inFile.set(key, [...(inFile.get(key) ?? []), { line: row.line, dateOfBirth: v.dateOfBirth }]);
    }

    const bodyIds: string[] = [];
    for (const name of v.committees) {
      const body = committees.get(committeeKey(name));
      if (body) bodyIds.push(body.id);
      else {
        errors.push(
          error(
            'unknown_committee',
            'committees',
            `Không có ban "${name}" trong Hội đồng${knownCommittees ? ` (các ban: ${knownCommittees})` : ''}; hãy sửa tên ban hoặc tạo ban trước.`,
            `No committee "${name}" in this council${knownCommittees ? ` (committees: ${knownCommittees})` : ''}; correct the name or create the committee first.`,
          ),
        );
      }
    }

    if (v.delegateGroup && groups.size) {
      const known = groups.get(groupKey(v.delegateGroup));
      if (known) v.delegateGroup = known;
      else {
        const list = ctx.groups.join('; ');
        errors.push(
          error(
            'unknown_group',
            'delegateGroup',
            `Không có tổ đại biểu "${v.delegateGroup}" (các tổ: ${list}); hãy sửa tên tổ.`,
            `No delegate group "${v.delegateGroup}" (groups: ${list}); correct the group's name.`,
          ),
        );
      }
    }

    if (v.phone) {
      const phone = cleanPhone(v.phone);
      if (phone) v.phone = phone;
      else {
        errors.push(
          error(
            'bad_phone',
            'phone',
            `Số điện thoại "${v.phone}" không hợp lệ; hãy ghi một số, ví dụ 0912 345 678.`,
            `Phone number "${v.phone}" is not valid; write one number, e.g. 0912 345 678.`,
          ),
        );
      }
    }
    if (v.email) {
      const email = cleanEmail(v.email);
      if (email) v.email = email;
      else {
        errors.push(
          error(
            'bad_email',
            'email',
            `Địa chỉ e-mail "${v.email}" không hợp lệ; hãy ghi một địa chỉ, ví dụ ten@hdnd.gov.vn.`,
            `E-mail address "${v.email}" is not valid; write one address, e.g. name@hdnd.gov.vn.`,
          ),
        );
      }
    }
    return { line: row.line, values: v, bodyIds, errors };
  });
}

const EXPECTED_VI =
  '"Họ và tên", "Ngày sinh", "Tổ đại biểu", "Ban", "Đơn vị", "Điện thoại", "Email"';
const EXPECTED_EN =
  '"Họ và tên" (name), "Ngày sinh" (date of birth), "Tổ đại biểu" (group), "Ban" (committee), "Đơn vị" (unit), "Điện thoại" (phone), "Email"';

/** The preview of a read spreadsheet: recognised columns, every row with its errors, a summary. */
export function previewGrid(grid: Grid, ctx: ImportContext): ImportPreview {
  const header = findHeader(grid);
  if (!header) {
    const firstRow = grid.rows[0]?.cells.map(cleanText).filter((c) => c !== null) ?? [];
    return {
      columns: [],
      ignoredColumns: firstRow as string[],
      fileErrors: [
        msg(
          `Không tìm thấy dòng tiêu đề có cột "Họ và tên". Dòng tiêu đề cần có các cột: ${EXPECTED_VI}. Hãy sửa tên cột rồi tải lên lại.`,
          `No header row with a "Họ và tên" (name) column was found. The header row needs the columns ${EXPECTED_EN}. Rename the columns and upload again.`,
        ),
      ],
      rows: [],
      summary: { total: 0, valid: 0, withErrors: 0 },
    };
  }
  const read = grid.rows
    .filter((r) => r.line > header.line)
    .map((r) => readRow(r, header.columns, grid.date1904 ?? false))
    .filter((r): r is ReadRow => r !== null);
  const rows = checkRows(read, ctx);
  const withErrors = rows.filter((r) => r.errors.length).length;
  return {
    columns: header.columns,
    ignoredColumns: header.ignored,
    fileErrors: rows.length
      ? []
      : [
          msg(
            'Tệp không có dòng đại biểu nào dưới dòng tiêu đề.',
            'The file has no member rows under the header row.',
          ),
        ],
    rows,
    summary: { total: rows.length, valid: rows.length - withErrors, withErrors },
  };
}
