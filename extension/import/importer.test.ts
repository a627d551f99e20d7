// Importing PDFs into the briefcase, over the whole shared corpus with pdf.js in Node.
import { describe, expect, test } from 'vitest';
import { corpusBytes, freshDb, nodePdfJs, readManifest } from '../testing/corpus';
import { importPdf, type ImportDeps, type ImportInput } from './importer';

const MANIFEST = readManifest();
/** pdf.js (not poppler) finds no text in the vertical Japanese file; MANIFEST notes it. */
const PDFJS_FINDS_NO_TEXT = new Set(['vertical.pdf']);
const PASSWORDS: Record<string, string> = { 'issue6010_1.pdf': 'abc' };
/** The Vietnamese files, five of them digitally signed: their bytes must survive unchanged. */
const VIETNAMESE = MANIFEST.filter((r) => r.file.startsWith('vi_')).map((r) => r.file);

function input(file: string, bytes = corpusBytes(file)): ImportInput {
  return { fileName: file, bytes, source: { kind: 'file' } };
}

async function deps(extra: Partial<ImportDeps> = {}): Promise<ImportDeps> {
  return { db: freshDb(), pdfjs: await nodePdfJs(), ...extra };
}

describe('import over the shared corpus', () => {
  test('every corpus file imports with the page count and text-layer flag of MANIFEST.tsv', async () => {
    const d = await deps({ askPassword: async () => 'abc' });
    const outcomes: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const row of MANIFEST) {
      d.askPassword = async () => PASSWORDS[row.file] ?? null;
      const outcome = await importPdf(input(row.file), d);
      outcomes[row.file] =
        outcome.status === 'imported'
          ? { pages: outcome.doc.pageCount, hasText: outcome.doc.hasText, size: outcome.doc.size }
          : outcome;
      expected[row.file] = {
        pages: row.pages,
        hasText: row.hasText && !PDFJS_FINDS_NO_TEXT.has(row.file),
        size: row.bytes,
      };
    }
    expect(outcomes).toEqual(expected);
    expect(await d.db.documents.count()).toBe(MANIFEST.length);
    expect(await d.db.pages.count()).toBe(MANIFEST.reduce((n, r) => n + r.pages, 0));
  }, 120_000);

  test('page text is stored per page (Vietnamese decree: its words are found on page 1)', async () => {
    const d = await deps();
    const outcome = await importPdf(input('vi_335_2025_ND-CP_print.pdf'), d);
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const first = await d.db.pages.get([outcome.doc.id, 0]);
    expect(first?.text.normalize('NFC')).toContain('NGHỊ ĐỊNH');
    expect(await d.db.pages.where('docId').equals(outcome.doc.id).count()).toBe(19);
  });

  test('a scan without text imports and is flagged as having no text layer', async () => {
    const d = await deps();
    const outcome = await importPdf(input('vi_tb79_vpcp_imageonly.pdf'), d);
    expect(outcome).toMatchObject({ status: 'imported', doc: { hasText: false, pageCount: 5 } });
  });

  test.each(VIETNAMESE)('%s is stored byte for byte', async (file) => {
    const d = await deps();
    const bytes = corpusBytes(file);
    const outcome = await importPdf(input(file, bytes), d);
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    const stored = await d.db.files.get(outcome.doc.sha256);
    const back = Buffer.from(await stored!.blob.arrayBuffer());
    expect(back.length).toBe(bytes.length);
    expect(back.equals(bytes)).toBe(true);
  });

  test('the same content imported twice is stored once and reported as a duplicate', async () => {
    const d = await deps();
    const first = await importPdf(input('tracemonkey.pdf'), d);
    const second = await importPdf({ ...input('tracemonkey.pdf'), fileName: 'copy.pdf' }, d);
    expect(second).toMatchObject({
      status: 'duplicate',
      doc: { id: (first as { doc: { id: string } }).doc.id },
    });
    expect(await d.db.documents.count()).toBe(1);
    expect(await d.db.files.count()).toBe(1);
  });

  test('the title comes from the metadata, else from the file name', async () => {
    const d = await deps();
    const withTitle = await importPdf(input('issue6387.pdf'), d);
    const wordExport = await importPdf(input('vi_sotay_bo_noi_vu_2026.pdf'), d);
    expect(withTitle).toMatchObject({ doc: { title: 'pdfjs-issue' } });
    expect(wordExport).toMatchObject({ doc: { title: 'vi sotay bo noi vu 2026' } });
  });
});

describe('passwords', () => {
  test('a file that needs a password asks for it and imports with the right one', async () => {
    const reasons: string[] = [];
    const d = await deps({
      askPassword: async (reason) => {
        reasons.push(reason);
        return reasons.length === 1 ? 'wrong' : 'abc';
      },
    });
    const outcome = await importPdf(input('issue6010_1.pdf'), d);
    expect(reasons).toEqual(['need', 'incorrect']);
    expect(outcome).toMatchObject({ status: 'imported', doc: { encrypted: true, hasText: true } });
  });

  test('giving up on the password leaves the library untouched', async () => {
    const d = await deps({ askPassword: async () => null });
    const outcome = await importPdf(input('issue6010_1.pdf'), d);
    expect(outcome).toMatchObject({ status: 'failed', code: 'passwordCancelled' });
    expect(await d.db.documents.count()).toBe(0);
    expect(await d.db.files.count()).toBe(0);
  });

  test.each(['bug900822.pdf', 'empty_protected.pdf', 'issue7665.pdf'])(
    '%s opens with the empty password without asking',
    async (file) => {
      let asked = false;
      const d = await deps({
        askPassword: async () => {
          asked = true;
          return null;
        },
      });
      const outcome = await importPdf(input(file), d);
      expect(asked).toBe(false);
      expect(outcome).toMatchObject({ status: 'imported', doc: { encrypted: true } });
    },
  );
});

describe('files that are not usable PDFs', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test('a text file gets the Vietnamese "not a PDF" message and nothing is stored', async () => {
    const d = await deps();
    const outcome = await importPdf(input('ghi-chu.txt', utf8('Biên bản kỳ họp thứ 7')), d);
    expect(outcome).toMatchObject({ status: 'failed', code: 'notPdf' });
    expect(outcome.status === 'failed' && outcome.message.vi).toContain('không phải tệp PDF');
    expect(await d.db.documents.count()).toBe(0);
    expect(await d.db.files.count()).toBe(0);
  });

  test('an empty file is refused with a message', async () => {
    const d = await deps();
    const outcome = await importPdf(input('rong.pdf', new Uint8Array()), d);
    expect(outcome).toMatchObject({ status: 'failed', code: 'empty' });
  });

  test('a damaged PDF (header, then garbage) gets the "damaged" message and nothing is stored', async () => {
    const d = await deps();
    const garbage = new Uint8Array(4000).map((_, i) => (i * 7919) % 251);
    const bytes = new Uint8Array([...utf8('%PDF-1.7\n'), ...garbage]);
    const outcome = await importPdf(input('hong.pdf', bytes), d);
    expect(outcome).toMatchObject({ status: 'failed', code: 'broken' });
    expect(await d.db.documents.count()).toBe(0);
  });

  test('a file that takes longer than the per-file timeout is stopped, not left hanging', async () => {
    const d = await deps({ timeoutMs: 1 });
    const outcome = await importPdf(input('freeculture.pdf'), d);
    expect(outcome).toMatchObject({ status: 'failed', code: 'timeout' });
    expect(await d.db.documents.count()).toBe(0);
  });
});
