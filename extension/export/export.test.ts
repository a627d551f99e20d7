// Exports from a briefcase on fake-indexeddb with a real signed corpus PDF: the annotated copy
// re-opened with pdf.js shows the annotations while the stored original stays byte-identical;
// the copy of every signed corpus file starts with the original's bytes and poppler's pdfsig
// finds each signature valid; the comment sheet as .docx and as PDF lists each draft comment
// with its page and passage.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, BriefcaseDb } from '../db/db';
import { corpusBytes, freshDb, nodePdfJs } from '../testing/corpus';
import { annotatedCopy, endsWithXrefStream, quadPoints } from './annotated-pdf';
import { wrapText } from './comment-sheet';
import { DELEGATE_NAME_KEY, exportAnnotatedPdf, exportCommentSheet } from './export';

const SIGNED = corpusBytes('vi_giay_moi_hdnd_tuan_giao_signed.pdf');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const require = createRequire(import.meta.url);
const FONTS = async () => ({
  regular: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
  bold: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
});

function ann(
  id: string,
  over: Partial<Annotation> & { pageIndex?: number; top?: number },
): Annotation {
  const top = over.top ?? 700;
  return {
    id,
    docId: 'd1',
    kind: 'comment',
    color: 'yellow',
    draftComment: false,
    target: {
      pageIndex: over.pageIndex ?? 0,
      rects: [
        [72, top - 12, 300, top],
        [72, top - 26, 200, top - 14],
      ],
    },
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

let db: BriefcaseDb;
beforeEach(async () => {
  db = freshDb();
  await db.files.add({
    sha256: sha(SIGNED),
    blob: new Blob([SIGNED as Uint8Array<ArrayBuffer>]),
    size: SIGNED.length,
  });
  await db.documents.add({
    id: 'd1',
    sha256: sha(SIGNED),
    title: 'Giấy mời họp Thường trực HĐND huyện mở rộng',
    fileName: 'giay-moi.pdf',
    pageCount: 1,
    size: SIGNED.length,
    hasText: true,
    encrypted: false,
    tags: [],
    importedAt: 1,
    source: { kind: 'file' },
  });
  await db.settings.put({ key: DELEGATE_NAME_KEY, value: 'Trần Thị Bình' });
  await db.annotations.bulkAdd([
    ann('hl', { kind: 'highlight', color: 'green' }),
    ann('c2', {
      draftComment: true,
      top: 400,
      body: 'Đề nghị bổ sung thành phần: đại diện Hội Nông dân huyện.',
      target: {
        pageIndex: 0,
        rects: [[72, 388, 300, 400]],
        quote: { exact: 'Đại diện Lãnh đạo UBND huyện', prefix: '', suffix: '' },
      },
    }),
    ann('c1', {
      draftComment: true,
      body: 'Thời gian họp nên lùi sang 14 giờ 30.',
      target: {
        pageIndex: 0,
        rects: [[72, 690, 300, 700]],
        quote: { exact: '14 giờ 00 phút,\nngày 16/11/2020', prefix: '', suffix: '' },
      },
    }),
    ann('note', { kind: 'note', body: 'Hỏi văn phòng về phòng họp trực tuyến' }),
    ann('lost', { orphaned: true, body: 'không còn vị trí' }),
  ]);
});

describe('annotated copy of a PDF', () => {
  it('shows the highlights and comments as Highlight annotations with QuadPoints in pdf.js', async () => {
    const { bytes, written } = await exportAnnotatedPdf(db, 'd1');
    expect(written).toBe(4);
    const pdfjs = await nodePdfJs();
    const pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 })
      .promise;
    const annots = (await (await pdf.getPage(1)).getAnnotations()) as {
      subtype: string;
      quadPoints?: Float32Array | number[];
      contentsObj?: { str: string };
      titleObj?: { str: string };
    }[];
    const highlights = annots.filter((a) => a.subtype === 'Highlight');
    expect(highlights.map((a) => a.contentsObj?.str ?? '').sort()).toEqual([
      '',
      'Thời gian họp nên lùi sang 14 giờ 30.',
      'Đề nghị bổ sung thành phần: đại diện Hội Nông dân huyện.',
    ]);
    expect(highlights.every((a) => a.titleObj?.str === 'Trần Thị Bình')).toBe(true);
    const plain = highlights.find((a) => !a.contentsObj?.str)!;
    expect(Array.from(plain.quadPoints!)).toEqual(
      quadPoints([
        [72, 688, 300, 700],
        [72, 674, 200, 686],
      ]),
    );
  });

  it('writes sticky notes as Text annotations with their contents', async () => {
    const { bytes } = await exportAnnotatedPdf(db, 'd1');
    const pdf = await (
      await nodePdfJs()
    ).getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
    const annots = (await (await pdf.getPage(1)).getAnnotations()) as {
      subtype: string;
      contentsObj?: { str: string };
    }[];
    expect(annots.filter((a) => a.subtype === 'Text').map((a) => a.contentsObj?.str)).toEqual([
      'Hỏi văn phòng về phòng họp trực tuyến',
    ]);
  });

  it('leaves out annotations that lost their place in the text', async () => {
    const { bytes } = await exportAnnotatedPdf(db, 'd1');
    const pdf = await (
      await nodePdfJs()
    ).getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
    const annots = (await (await pdf.getPage(1)).getAnnotations()) as {
      contentsObj?: { str: string };
    }[];
    expect(annots.map((a) => a.contentsObj?.str)).not.toContain('không còn vị trí');
  });

  it('leaves the stored original byte for byte as it was', async () => {
    await exportAnnotatedPdf(db, 'd1');
    const stored = (await db.files.get(sha(SIGNED)))!.blob;
    expect(sha(new Uint8Array(await stored.arrayBuffer()))).toBe(sha(SIGNED));
    expect(sha(corpusBytes('vi_giay_moi_hdnd_tuan_giao_signed.pdf'))).toBe(sha(SIGNED));
  });
});

/** The digitally signed files of the corpus (its README), with how many signatures each has. */
const SIGNED_FILES = [
  ['vi_giay_moi_hdnd_tuan_giao_signed.pdf', 4],
  ['vi_nd47_2020_vgca_signed.pdf', 1],
  ['vi_335_2025_ND-CP_scan_signed.pdf', 1],
] as const;

/** poppler's report on the signatures of a PDF (Debian's poppler-utils, scripts/ensure.sh). */
function pdfsig(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'hdnd-pdfsig-'));
  try {
    writeFileSync(join(dir, 'copy.pdf'), bytes);
    return execFileSync('pdfsig', [join(dir, 'copy.pdf')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pageAnnotations(bytes: Uint8Array, pageNumber = 1) {
  const pdf = await (
    await nodePdfJs()
  ).getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  return (await (await pdf.getPage(pageNumber)).getAnnotations()) as {
    subtype: string;
    contentsObj?: { str: string };
  }[];
}

describe('annotated copy of a signed document', () => {
  it.each(SIGNED_FILES)(
    '%s: the original is a byte-exact prefix and pdfsig finds all %i signatures valid',
    async (file, signatures) => {
      const original = corpusBytes(file);
      const { bytes, written } = await annotatedCopy(original, [
        ann('a', { body: 'Góp ý của đại biểu' }),
        ann('n', { kind: 'note', body: 'Ghi chú dán', top: 500 }),
      ]);
      expect(written).toBe(2);
      expect(bytes.length).toBeGreaterThan(original.length);
      expect(Buffer.from(bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(
        true,
      );
      const report = pdfsig(bytes);
      expect(report.match(/Signature is Valid/g)).toHaveLength(signatures);
      expect(report).not.toMatch(/Digest Mismatch|Signature is Invalid/);
      const annots = await pageAnnotations(bytes);
      expect(annots.map((a) => a.contentsObj?.str)).toEqual(
        expect.arrayContaining(['Góp ý của đại biểu', 'Ghi chú dán']),
      );
    },
  );

  it('keeps the kind of cross-reference section the original ends with, and readers see the annotation', async () => {
    for (const file of ['french_diacritics.pdf', 'hello_world_rotated.pdf']) {
      const original = corpusBytes(file);
      const { bytes } = await annotatedCopy(original, [ann('a', { body: 'Xem lại' })]);
      expect(endsWithXrefStream(bytes)).toBe(endsWithXrefStream(original));
      expect((await pageAnnotations(bytes)).map((a) => a.contentsObj?.str)).toContain('Xem lại');
    }
    expect(endsWithXrefStream(corpusBytes('french_diacritics.pdf'))).toBe(true);
    expect(endsWithXrefStream(corpusBytes('hello_world_rotated.pdf'))).toBe(false);
  });

  it('appends to a file whose cross-reference table is damaged, and pdf.js still shows the annotation', async () => {
    const original = corpusBytes('xref_command_missing.pdf');
    const { bytes } = await annotatedCopy(original, [ann('a', { body: 'Vẫn đọc được' })]);
    expect(Buffer.from(bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(
      true,
    );
    expect((await pageAnnotations(bytes)).map((a) => a.contentsObj?.str)).toContain('Vẫn đọc được');
  });

  it('with nothing to write, the copy is the original byte for byte', async () => {
    const original = corpusBytes('vi_giay_moi_hdnd_tuan_giao_signed.pdf');
    const { bytes, written } = await annotatedCopy(original, [ann('lost', { orphaned: true })]);
    expect(written).toBe(0);
    expect(sha(bytes)).toBe(sha(original));
  });
});

describe('comment sheet (phiếu góp ý)', () => {
  it('as .docx: the title, the delegate and each draft comment with page and passage, in page order', async () => {
    const file = await exportCommentSheet(
      db,
      'd1',
      'docx',
      undefined,
      () => new Date(2026, 10, 23),
    );
    expect(file.fileName).toBe('Phiếu góp ý - giay-moi.docx');
    const xml = strFromU8(unzipSync(file.bytes)['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('PHIẾU GÓP Ý');
    expect(text).toContain('Giấy mời họp Thường trực HĐND huyện mở rộng');
    expect(text).toContain('Trần Thị Bình');
    expect(text).toContain('23/11/2026');
    const first = text.indexOf('Thời gian họp nên lùi sang 14 giờ 30.');
    const second = text.indexOf('Đề nghị bổ sung thành phần');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('“14 giờ 00 phút, ngày 16/11/2020”');
    expect(text).not.toContain('Hỏi văn phòng');
  });

  it('as PDF: Vietnamese text that pdf.js reads back', async () => {
    const file = await exportCommentSheet(db, 'd1', 'pdf', FONTS);
    const pdf = await (
      await nodePdfJs()
    ).getDocument({ data: file.bytes, isEvalSupported: false, verbosity: 0 }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    const text = content.items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ')
      .normalize('NFC');
    expect(text).toContain('PHIẾU GÓP Ý');
    expect(text).toContain('Đại biểu: Trần Thị Bình');
    expect(text).toContain('Đề nghị bổ sung thành phần: đại diện Hội Nông dân huyện.');
    expect(text).toContain('“Đại diện Lãnh đạo UBND huyện”');
  });
});

describe('wrapText', () => {
  it('never makes a line wider than asked, breaking over-long words', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const long =
      'Quyet dinh so 47/2020/ND-CP ' + 'x'.repeat(200) + ' ve viec quan ly ket noi va chia se';
    const lines = wrapText(long, font, 12, 150);
    expect(lines.every((l) => font.widthOfTextAtSize(l, 12) <= 150)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(long.replace(/ /g, ''));
  });
});
