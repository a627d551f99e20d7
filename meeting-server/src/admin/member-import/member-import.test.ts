// The member import preview from .xlsx and .csv files as an office keeps them: header variants,
// wrong columns, merged cells, Vietnamese in NFD, Vietnamese dates, duplicates, unknown names.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Cell } from './grid';
import { checkRows, previewMemberImport, readSpreadsheet, type ImportContext } from './index';
import { MEMBER_HEADER, buildXlsx, manyMemberRows, toCsv } from './testing';
import { cleanPhone, excelSerialDate, parseDate } from './values';

const PHAP_CHE = { id: 'b-pc', name: 'Ban Pháp chế' };
const KINH_TE = { id: 'b-kt', name: 'Ban Kinh tế - Ngân sách' };
const VAN_HOA = { id: 'b-vh', name: 'Ban Văn hóa - Xã hội' };
const CTX: ImportContext = { committees: [PHAP_CHE, KINH_TE, VAN_HOA], groups: [], existing: [] };

const HEADER = MEMBER_HEADER;
const AN: Cell[] = [
  1,
  'Nguyễn Văn An',
  '05/03/1970',
  'Tổ 1',
  'Ban Pháp chế',
  'UBND xã Hòa Bình',
  '0912 345 678',
  'an@hdnd.gov.vn',
];
const BINH: Cell[] = [
  2,
  'Trần Thị Bình',
  '12/11/1980',
  'Tổ 2',
  'Ban Kinh tế - Ngân sách',
  'Trường THCS Lê Lợi',
  '0987654321',
  'binh@hdnd.gov.vn',
];

const csv = (rows: Cell[][], sep = ',') => strToU8(toCsv(rows, sep));
const preview = (bytes: Uint8Array, ctx: ImportContext = CTX) => previewMemberImport(bytes, ctx);
const codes = (p: ReturnType<typeof preview>, i: number) => p.rows[i]!.errors.map((e) => e.code);

describe('reading a well-formed list', () => {
  it.each([
    ['csv', csv([HEADER, AN, BINH])],
    ['xlsx', buildXlsx([HEADER, AN, BINH])],
  ])('reads every field of every row from %s', (_, bytes) => {
    const p = preview(bytes);
    expect(p.fileErrors).toEqual([]);
    expect(p.summary).toEqual({ total: 2, valid: 2, withErrors: 0 });
    expect(p.rows[0]).toEqual({
      line: 2,
      values: {
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1970-03-05',
        delegateGroup: 'Tổ 1',
        committees: ['Ban Pháp chế'],
        unit: 'UBND xã Hòa Bình',
        phone: '0912345678',
        email: 'an@hdnd.gov.vn',
      },
      bodyIds: ['b-pc'],
      errors: [],
    });
    expect(p.rows[1]!.values.fullName).toBe('Trần Thị Bình');
    expect(p.rows[1]!.bodyIds).toEqual(['b-kt']);
    expect(p.ignoredColumns).toEqual(['STT']);
  });

  it('finds the header row under a title block and skips the column-number row', () => {
    const rows: Cell[][] = [
      ['HĐND TỈNH HÀ TĨNH', null, null, null],
      ['DANH SÁCH ĐẠI BIỂU HĐND TỈNH KHÓA XIX', null, null, null],
      [null, null, null, null],
      ['TT', 'HỌ VÀ TÊN', 'NGÀY, THÁNG, NĂM SINH', 'TỔ ĐẠI BIỂU'],
      ['(1)', '(2)', '(3)', '(4)'],
      [1, 'Lê Thị Cúc', '1/2/1975', 'Tổ Kỳ Anh'],
    ];
    const p = preview(buildXlsx(rows, { merges: ['A1:D1', 'A2:D2'] }));
    expect(p.columns.map((c) => c.field)).toEqual(['fullName', 'dateOfBirth', 'delegateGroup']);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]!.line).toBe(6);
    expect(p.rows[0]!.values).toMatchObject({ fullName: 'Lê Thị Cúc', dateOfBirth: '1975-02-01' });
  });

  it.each([
    ['Ho va ten', 'fullName'],
    ['HO TEN', 'fullName'],
    ['Họ tên đại biểu', 'fullName'],
    ['Ngày sinh (dd/mm/yyyy)', 'dateOfBirth'],
    ['Ngay thang nam sinh', 'dateOfBirth'],
    ['To dai bieu', 'delegateGroup'],
    ['Tổ', 'delegateGroup'],
    ['Ban của HĐND', 'committees'],
    ['Cơ quan, đơn vị công tác', 'unit'],
    ['Don vi', 'unit'],
    ['SĐT', 'phone'],
    ['Số điện thoại', 'phone'],
    ['E-mail', 'email'],
    ['Thư điện tử', 'email'],
    ['Điện thoại/Email', 'contact'],
  ])('recognises the header "%s" as %s', (header, field) => {
    const headers = field === 'fullName' ? [header] : ['Họ và tên', header];
    const p = preview(csv([headers, ['X', 'Y']]));
    expect(p.columns.find((c) => c.header === header)?.field).toBe(field);
  });

  it('reads only the first sheet of a workbook', () => {
    const bytes = buildXlsx([HEADER, AN], { secondSheet: [HEADER, BINH, BINH] });
    expect(preview(bytes).rows.map((r) => r.values.fullName)).toEqual(['Nguyễn Văn An']);
  });

  it('reads inline strings and an x: namespace prefix (Open XML SDK exports)', () => {
    const bytes = buildXlsx([HEADER, AN, BINH], { inlineStrings: true, prefix: true });
    const p = preview(bytes);
    expect(p.rows.map((r) => r.values.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(p.rows[0]!.values.email).toBe('an@hdnd.gov.vn');
  });

  it('reads a semicolon-separated CSV with quoted commas and line breaks', () => {
    const text =
      'Họ và tên;Ban;Đơn vị\r\nNguyễn Văn An;"Ban Pháp chế, Ban Văn hóa - Xã hội";"Xã A;\nthôn 2"\r\n';
    const p = preview(strToU8(text));
    expect(p.rows[0]!.values.committees).toEqual(['Ban Pháp chế', 'Ban Văn hóa - Xã hội']);
    expect(p.rows[0]!.bodyIds).toEqual(['b-pc', 'b-vh']);
    expect(p.rows[0]!.values.unit).toBe('Xã A; thôn 2');
  });

  it('reads a UTF-8 CSV with a BOM (Excel "CSV UTF-8")', () => {
    const bytes = strToU8('\uFEFF' + toCsv([HEADER, AN]));
    const p = preview(bytes);
    expect(p.columns[0]!.field).toBe('fullName');
    expect(p.rows[0]!.values.fullName).toBe('Nguyễn Văn An');
  });
});

describe('wrong columns and unreadable files', () => {
  it('says which columns are needed when no header names a name column', () => {
    const p = preview(
      csv([
        ['Mã hàng', 'Tên hàng', 'Số lượng'],
        ['A1', 'Bút bi', 20],
      ]),
    );
    expect(p.rows).toEqual([]);
    expect(p.fileErrors).toHaveLength(1);
    expect(p.fileErrors[0]!.vi).toContain('Họ và tên');
    expect(p.fileErrors[0]!.en).toContain('name');
    expect(p.ignoredColumns).toEqual(['Mã hàng', 'Tên hàng', 'Số lượng']);
  });

  it('lists columns it does not know and reads the rest', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Quê quán', 'Ghi chú'],
        ['Nguyễn Văn An', 'Nghệ An', ''],
      ]),
    );
    expect(p.ignoredColumns).toEqual(['Quê quán', 'Ghi chú']);
    expect(p.rows[0]!.values.fullName).toBe('Nguyễn Văn An');
  });

  it('refuses a broken .xlsx and an old .xls with advice', () => {
    const broken = buildXlsx([HEADER, AN]).slice(0, 200);
    expect(preview(broken).fileErrors[0]!.vi).toContain('.xlsx');
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(preview(xls).fileErrors[0]!.en).toContain('save it as .xlsx');
  });

  it('reports a header row with no member rows under it', () => {
    expect(preview(csv([HEADER])).fileErrors[0]!.en).toContain('no member rows');
  });
});

describe('merged cells', () => {
  it('applies a delegate group merged over several rows to each of them', () => {
    const rows: Cell[][] = [
      ['Họ và tên', 'Tổ đại biểu', 'Ban'],
      ['Nguyễn Văn An', 'Tổ Hồng Lĩnh', 'Ban Pháp chế'],
      ['Trần Thị Bình', null, 'Ban Pháp chế'],
      ['Lê Văn Cường', null, null],
      ['Phạm Thị Dung', 'Tổ Can Lộc', null],
    ];
    const p = preview(buildXlsx(rows, { merges: ['B2:B4'] }));
    expect(p.rows.map((r) => r.values.delegateGroup)).toEqual([
      'Tổ Hồng Lĩnh',
      'Tổ Hồng Lĩnh',
      'Tổ Hồng Lĩnh',
      'Tổ Can Lộc',
    ]);
  });

  it('reads a header merged over two rows once, not as a member', () => {
    const rows: Cell[][] = [
      ['Họ và tên', 'Liên hệ', null],
      [null, 'Điện thoại', 'Email'],
      ['Nguyễn Văn An', '0912345678', 'an@hdnd.gov.vn'],
    ];
    const p = preview(buildXlsx(rows, { merges: ['A1:A2', 'B1:C1'] }));
    expect(p.rows.map((r) => r.values.fullName)).toEqual(['Nguyễn Văn An']);
    expect(p.rows[0]!.values).toMatchObject({ phone: '0912345678', email: 'an@hdnd.gov.vn' });
  });
});

describe('Vietnamese text', () => {
  it('composes names written in NFD (decomposed accents) to NFC', () => {
    const nfd = (s: string) => s.normalize('NFD');
    const rows: Cell[][] = [
      [nfd('Họ và tên'), nfd('Tổ đại biểu'), nfd('Ban')],
      [nfd('Nguyễn Thị Thủy'), nfd('Tổ Đức Thọ'), nfd('ban văn hóa - xã hội')],
    ];
    for (const bytes of [csv(rows), buildXlsx(rows)]) {
      const p = preview(bytes);
      const v = p.rows[0]!.values;
      expect(v.fullName).toBe('Nguyễn Thị Thủy'.normalize('NFC'));
      expect(v.fullName).not.toBe(nfd('Nguyễn Thị Thủy'));
      expect(v.delegateGroup).toBe('Tổ Đức Thọ'.normalize('NFC'));
      expect(p.rows[0]!.bodyIds).toEqual(['b-vh']);
    }
  });

  it("reads a Windows-1258 CSV (Excel's plain CSV on Vietnamese Windows)", () => {
    // "Họ và tên\r\nNguyễn Văn An": 1258 writes base letters and combining tone marks.
    const bytes = Uint8Array.from([
      0x48, 0x6f, 0xf2, 0x20, 0x76, 0x61, 0xcc, 0x20, 0x74, 0xea, 0x6e, 0x0d, 0x0a, 0x4e, 0x67,
      0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0x41, 0x6e,
    ]);
    const p = preview(bytes);
    expect(p.rows[0]!.values.fullName).toBe('Nguyễn Văn An');
  });

  it('trims and collapses white space, including non-breaking spaces', () => {
    const p = preview(csv([['  Họ và tên '], ['  Nguyễn\u00a0 Văn   An  ']]));
    expect(p.rows[0]!.values.fullName).toBe('Nguyễn Văn An');
  });
});

describe('dates', () => {
  it.each([
    ['05/03/1970', '1970-03-05'],
    ['5/3/1970', '1970-03-05'],
    ['05-03-1970', '1970-03-05'],
    ['05.03.1970', '1970-03-05'],
    ['1970-03-05', '1970-03-05'],
    ['ngày 05 tháng 03 năm 1970', '1970-03-05'],
    ['29/02/1972', '1972-02-29'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['31/02/1970', '05/13/1970', '1970', 'không rõ', '05/03/70'])('refuses "%s"', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('reads Excel serial dates, in the 1900 and the 1904 system', () => {
    expect(excelSerialDate(25632)).toBe('1970-03-05');
    expect(excelSerialDate(24170, true)).toBe('1970-03-05');
    const p = preview(
      buildXlsx([
        ['Họ và tên', 'Ngày sinh'],
        ['Nguyễn Văn An', 25632],
      ]),
    );
    expect(p.rows[0]!.values.dateOfBirth).toBe('1970-03-05');
    const mac = buildXlsx(
      [
        ['Họ và tên', 'Ngày sinh'],
        ['Nguyễn Văn An', 24170],
      ],
      { date1904: true },
    );
    expect(preview(mac).rows[0]!.values.dateOfBirth).toBe('1970-03-05');
  });

  it('marks a date it cannot read, quoting it', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Ngày sinh'],
        ['Nguyễn Văn An', '31/02/1970'],
      ]),
    );
    expect(codes(p, 0)).toEqual(['bad_date']);
    expect(p.rows[0]!.errors[0]!.message.vi).toContain('31/02/1970');
    expect(p.summary).toEqual({ total: 1, valid: 0, withErrors: 1 });
  });
});

describe('phone and e-mail', () => {
  it('puts back the leading 0 a spreadsheet dropped and reads +84', () => {
    expect(cleanPhone('912345678')).toBe('0912345678');
    expect(cleanPhone('+84 912 345 678')).toBe('0912345678');
    expect(cleanPhone('0239.3855.123')).toBe('02393855123');
    expect(cleanPhone('12345')).toBeNull();
    const p = preview(
      buildXlsx([
        ['Họ và tên', 'Điện thoại'],
        ['Nguyễn Văn An', 912345678],
      ]),
    );
    expect(p.rows[0]!.values.phone).toBe('0912345678');
  });

  it('splits one "Điện thoại/Email" column into phone and e-mail', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Điện thoại/Email'],
        ['Nguyễn Văn An', '0912 345 678 / An@HDND.gov.vn'],
      ]),
    );
    expect(p.rows[0]!.values).toMatchObject({ phone: '0912345678', email: 'an@hdnd.gov.vn' });
  });

  it('marks an invalid phone number and e-mail address', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Điện thoại', 'Email'],
        ['Nguyễn Văn An', '123', 'an@'],
      ]),
    );
    expect(codes(p, 0)).toEqual(['bad_phone', 'bad_email']);
  });
});

describe('row checks', () => {
  it('marks a row without a name', () => {
    const p = preview(csv([HEADER, [3, '', '01/01/1980', 'Tổ 1', '', '', '', '']]));
    expect(codes(p, 0)).toEqual(['missing_name']);
    expect(p.rows[0]!.errors[0]!.message).toEqual({
      vi: 'Thiếu họ và tên; hãy điền họ tên đại biểu hoặc xoá dòng này.',
      en: "Missing name; fill in the member's name or delete this row.",
    });
  });

  it('marks a duplicate within the file, naming the first row', () => {
    const p = preview(
      csv([HEADER, AN, BINH, [3, 'NGUYỄN VĂN AN', '05/03/1970', '', '', '', '', '']]),
    );
    expect(codes(p, 0)).toEqual([]);
    expect(codes(p, 2)).toEqual(['duplicate_in_file']);
    expect(p.rows[2]!.errors[0]!.message.vi).toContain('dòng 2');
  });

  it('tells namesakes apart by date of birth, and Hùng from Hưng', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Ngày sinh'],
        ['Nguyễn Văn Hùng', '01/01/1970'],
        ['Nguyễn Văn Hùng', '02/02/1982'],
        ['Nguyễn Văn Hưng', '01/01/1970'],
      ]),
    );
    expect(p.summary).toEqual({ total: 3, valid: 3, withErrors: 0 });
  });

  it('treats old and new tone placement as the same name (Thủy / Thuỷ)', () => {
    const p = preview(csv([['Họ và tên'], ['Lê Thị Thủy'], ['Lê Thị Thuỷ']]));
    expect(codes(p, 1)).toEqual(['duplicate_in_file']);
  });

  it('marks a member already in the council', () => {
    const ctx = { ...CTX, existing: [{ fullName: 'Nguyễn Văn An', dateOfBirth: '1970-03-05' }] };
    const p = preview(csv([HEADER, AN, BINH]), ctx);
    expect(codes(p, 0)).toEqual(['duplicate_existing']);
    expect(codes(p, 1)).toEqual([]);
  });

  it('matches committees without diacritics, case or "Ban", and marks unknown ones', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Ban'],
        ['Nguyễn Văn An', 'ban phap che'],
        ['Trần Thị Bình', 'KINH TẾ - NGÂN SÁCH'],
        ['Lê Văn Cường', 'Ban Dân tộc'],
      ]),
    );
    expect(p.rows.map((r) => r.bodyIds)).toEqual([['b-pc'], ['b-kt'], []]);
    expect(codes(p, 2)).toEqual(['unknown_committee']);
    expect(p.rows[2]!.errors[0]!.message.vi).toContain('Ban Dân tộc');
    expect(p.rows[2]!.errors[0]!.message.vi).toContain('Ban Pháp chế');
  });

  it('matches delegate groups to the known spelling and marks unknown ones', () => {
    const ctx = { ...CTX, groups: ['Tổ đại biểu số 1', 'Tổ đại biểu số 2'] };
    const p = preview(
      csv([
        ['Họ và tên', 'Tổ'],
        ['Nguyễn Văn An', 'To 1'],
        ['Trần Thị Bình', 'Tổ 7'],
      ]),
      ctx,
    );
    expect(p.rows[0]!.values.delegateGroup).toBe('Tổ đại biểu số 1');
    expect(codes(p, 0)).toEqual([]);
    expect(codes(p, 1)).toEqual(['unknown_group']);
  });

  it('accepts any group while the council has none yet', () => {
    const p = preview(
      csv([
        ['Họ và tên', 'Tổ'],
        ['Nguyễn Văn An', 'Tổ Thạch Hà'],
      ]),
    );
    expect(p.rows[0]!.values.delegateGroup).toBe('Tổ Thạch Hà');
    expect(codes(p, 0)).toEqual([]);
  });

  it('runs the same checks again on confirmed rows (a row edited after the preview)', () => {
    const p = preview(csv([HEADER, AN, BINH]));
    const sent = p.rows.map((r) => ({ line: r.line, values: r.values }));
    sent[1] = {
      line: 3,
      values: { ...sent[1]!.values, fullName: 'nguyễn văn an', dateOfBirth: null },
    };
    const again = checkRows(sent, CTX);
    expect(again[0]!.errors).toEqual([]);
    expect(again[1]!.errors.map((e) => e.code)).toEqual(['duplicate_in_file']);
  });
});

describe('1,000 rows', () => {
  const rows = manyMemberRows(1000);
  it.each([
    ['csv', () => csv(rows)],
    ['xlsx', () => buildXlsx(rows)],
  ])('reads and checks 1,000 members from %s', (_, make) => {
    const p = preview(make());
    expect(p.summary).toEqual({ total: 1000, valid: 1000, withErrors: 0 });
    expect(p.rows[999]!.line).toBe(1001);
    expect(p.rows[999]!.values.fullName).toBe(rows[1000]![1]);
    expect(p.rows[999]!.values.email).toBe('daibieu1000@hdnd.gov.vn');
    expect(new Set(p.rows.flatMap((r) => r.bodyIds))).toEqual(new Set(['b-pc', 'b-kt']));
  });

  it('reads and checks a 1,000-row .xlsx in under 2 s of processor time', () => {
    const file = buildXlsx(rows);
    preview(file); // warm up the code paths once, as a running server has
    // Processor time of this test process, not the wall clock: other test processes sharing the
    // machine do not slow it.
    const start = process.cpuUsage();
    const p = preview(file);
    const used = process.cpuUsage(start);
    expect(p.summary.valid).toBe(1000);
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });

  it('flags the one duplicate among 1,000 rows', () => {
    const [, name, birth] = rows[500]!;
    const withDup: Cell[][] = [...rows, [1001, name!, birth!, null, null, null, null, null]];
    const p = preview(buildXlsx(withDup));
    expect(p.summary).toEqual({ total: 1001, valid: 1000, withErrors: 1 });
    expect(p.rows[1000]!.errors[0]!.message.en).toContain('row 501');
  });
});

describe('readSpreadsheet', () => {
  it('reads a sheet full of unclosed tags at once instead of scanning it again per tag', () => {
    // 300,000 rows and cells that never close: a lazy match to each closing tag would scan the
    // rest of the 4 MB part once per tag (hours); reading it is linear.
    const good = unzipSync(buildXlsx([['Họ và tên'], ['Nguyễn Văn An']]));
    const sheet = strFromU8(good['xl/worksheets/sheet1.xml']!).replace(
      '</sheetData>',
      '<row><c r="A9"><v>1'.repeat(300_000) + '</sheetData>',
    );
    const bytes = zipSync({ ...good, 'xl/worksheets/sheet1.xml': strToU8(sheet) });
    const p = preview(bytes);
    expect(p.rows.map((r) => r.values.fullName)).toEqual(['Nguyễn Văn An']);
  });

  it('keeps numbers as numbers and text as text', () => {
    const g = readSpreadsheet(buildXlsx([['a', 1.5, null, 'x & <y>']]));
    expect(g.rows).toEqual([{ line: 1, cells: ['a', 1.5, null, 'x & <y>'] }]);
  });
});
