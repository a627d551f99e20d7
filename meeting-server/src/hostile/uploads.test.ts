// Hostile uploads to session packages: files that only pretend to be PDFs (also a zip/HTML polyglot
// with a PDF header and end marker), PDFs cut short, a deflate bomb, damaged and encrypted corpus
// files, a PDF with a huge stream, file names that try to leave storage.
// Each is refused or accepted with a clear bilingual message, promptly (never a hang); no file is
// left on disk, and storage (in the database) holds only whole files under their SHA-256, never
// under a name the client chose.
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { PackageManifest } from '../../../shared/packages';
import { ok } from '../admin/testing';
import { deflateBombPdf, pagelessPdf, pdfOf, zipHtmlPolyglot } from '../packages/pdf-fixtures';
import { PackageStorage } from '../packages/storage';
import { openTestDb, type TestDb } from '../testing/databases';
import { CORPUS, buildWorld, startHostileServer, type HostileServer, type World } from './testing';

const MAX_BYTES = 32 * 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A valid PDF whose one page draws from a content stream of `streamBytes` bytes. */
function pdfWithHugeStream(streamBytes: number): Buffer {
  // Whitespace between two drawing operators: legal, and as large as asked.
  const content = Buffer.alloc(streamBytes, 0x20);
  content.write('0 0 m ', 0, 'latin1');
  content.write(' 1 1 l S', streamBytes - 8, 'latin1');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([
      Buffer.from(`<< /Length ${streamBytes} >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  ]);
}

describe('hostile uploads to session packages (PostgreSQL)', () => {
  let db: TestDb;
  let server: HostileServer;
  let w: World;
  let root: string;
  let dir: string;

  beforeAll(async () => {
    db = await openTestDb('postgres');
    // The upload folder sits alone inside a fresh root, so anything escaping it would show.
    root = await mkdtemp(join(tmpdir(), 'hdnd-uploads-'));
    dir = join(root, 'data', 'uploads');
    await mkdir(dir, { recursive: true });
    server = await startHostileServer(db, {
      packageUploadDir: dir,
      packageMaxBytes: MAX_BYTES,
      // A smaller buffer budget than the default, so the bomb below is quick to refuse.
      packagePdfBudget: { maxBufferBytes: 32 * 1024 * 1024 },
    });
    w = await buildWorld(server.url, db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    await rm(root, { recursive: true, force: true });
  });

  const upload = async (
    query: Record<string, string>,
    body: Uint8Array,
    path = `/api/admin/packages/${w.pkg.id}/documents`,
  ) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: {
        cookie: w.clerk.cookie,
        'x-csrf-token': w.clerk.session.csrfToken,
        'content-type': 'application/pdf',
      },
      body: new Uint8Array(body),
      // Never a hang: every answer within 30 s even on a loaded machine.
      signal: AbortSignal.timeout(30_000),
    });
    return { res, ms: performance.now() - started };
  };

  async function refused(res: Response, status: number, en: RegExp, vi: RegExp) {
    expect(res.status).toBe(status);
    const err = ApiError.parse(await res.json());
    expect(err.message.en).toMatch(en);
    expect(err.message.vi).toMatch(vi);
  }

  /**
   * No file left on disk (the upload folder empty, nothing else under the root); in the database
   * only whole files, each under the SHA-256 of its bytes.
   */
  async function storageIsClean() {
    expect(await readdir(root)).toEqual(['data']);
    expect(await readdir(join(root, 'data'))).toEqual(['uploads']);
    expect(await readdir(dir)).toEqual([]);
    const files = await db.query<{ sha256: string; size: string; stored: string; hash: string }>(
      `SELECT f.sha256, f.size::text AS size, sum(length(c.data))::text AS stored,
              encode(sha256(string_agg(c.data, ''::bytea ORDER BY c.seq)), 'hex') AS hash
         FROM package_files f JOIN package_file_chunks c USING (sha256)
        GROUP BY f.sha256, f.size`,
    );
    for (const f of files) expect([f.hash, f.stored]).toEqual([f.sha256, f.size]);
    const [orphans] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM package_file_chunks c
        WHERE NOT EXISTS (SELECT 1 FROM package_files f WHERE f.sha256 = c.sha256)`,
    );
    expect(orphans!.n).toBe(0);
    const [chunkless] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM package_files f
        WHERE NOT EXISTS (SELECT 1 FROM package_file_chunks c WHERE c.sha256 = f.sha256)`,
    );
    expect(chunkless!.n).toBe(0);
  }

  const storedFiles = async () =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM package_files'))[0]!.n;

  it('refuses files that only pretend to be PDFs, whatever they are named', async () => {
    const fakes: [string, Buffer][] = [
      ['bao-cao.pdf', Buffer.from('<!doctype html><p>Báo cáo</p>')],
      ['to-trinh.pdf', Buffer.from('PK\u0003\u0004word/document.xml')],
      ['anh-chup.pdf', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])],
      ['chu-ky.pdf', Buffer.from('%!PS-Adobe-3.0\n%%EOF\n')],
    ];
    const before = await storedFiles();
    for (const [fileName, bytes] of fakes) {
      const { res } = await upload({ title: 'Giả PDF', fileName }, bytes);
      await refused(res, 400, /not a PDF/, /không phải PDF/);
    }
    const empty = await upload({ title: 'Trống' }, new Uint8Array());
    await refused(empty.res, 400, /empty/, /trống/);
    expect(await storedFiles()).toBe(before);
    await storageIsClean();
  });

  it('refuses what has a PDF header and %%EOF but does not open as a PDF: a zip/HTML polyglot, no pages', async () => {
    const before = await storedFiles();
    const polyglot = await upload(
      { title: 'Đa dạng', fileName: 'to-trinh.pdf' },
      zipHtmlPolyglot(),
    );
    await refused(polyglot.res, 400, /does not open as one/, /không mở được như một PDF/);
    const pageless = await upload({ title: 'Không trang' }, pagelessPdf());
    await refused(pageless.res, 400, /no pages/, /không có trang nào/);
    expect(await storedFiles()).toBe(before);
    await storageIsClean();
  });

  it('refuses a deflate bomb (1 MB that inflates to 1 GiB) with 422, promptly', async () => {
    const before = await storedFiles();
    const { res, ms } = await upload({ title: 'Bom nén' }, deflateBombPdf(1024));
    await refused(res, 422, /too much memory or time/, /quá nhiều bộ nhớ hoặc thời gian/);
    expect(ms).toBeLessThan(30_000);
    expect(await storedFiles()).toBe(before);
    await storageIsClean();
  });

  it('refuses PDFs cut short at any point, keeping no partial file', async () => {
    const decree = await readFile(join(CORPUS, 'vi_335_2025_ND-CP_print.pdf'));
    const before = await storedFiles();
    for (const cut of [8, 1024, Math.floor(decree.length / 3), decree.length - 2048]) {
      const { res } = await upload({ title: `Cắt ở ${cut}` }, decree.subarray(0, cut));
      await refused(res, 400, /cut short/, /thiếu phần cuối/);
    }
    expect(await storedFiles()).toBe(before);
    await storageIsClean();
  });

  it('takes damaged-but-readable and encrypted corpus PDFs as they are; refuses one with no end marker', async () => {
    for (const name of ['xref_command_missing.pdf', 'issue1293r.pdf', 'issue6010_1.pdf']) {
      const bytes = await readFile(join(CORPUS, name));
      const { res } = await upload({ title: name, fileName: name }, bytes);
      const m = await ok(res, PackageManifest, 201);
      const v = m.documents.at(-1)!.versions[0]!;
      expect([v.sha256, v.size]).toEqual([sha(bytes), bytes.length]);
    }
    // scan-bad.pdf (a broken scanner file the briefcase still opens) ends without %%EOF: the
    // server cannot tell it from a cut upload, so it asks for the file to be saved again.
    const bad = await upload({ title: 'scan-bad' }, await readFile(join(CORPUS, 'scan-bad.pdf')));
    await refused(bad.res, 400, /cut short/, /thiếu phần cuối/);
  });

  it('accepts a PDF with a 24 MB stream promptly, and refuses one over the limit with 413', async () => {
    const huge = pdfWithHugeStream(24 * 1024 * 1024);
    const { res, ms } = await upload({ title: 'Luồng rất lớn' }, huge);
    const m = await ok(res, PackageManifest, 201);
    expect(m.documents.at(-1)!.versions[0]!.sha256).toBe(sha(huge));
    expect(ms).toBeLessThan(20_000);
    const storage = new PackageStorage(db, { maxBytes: MAX_BYTES });
    expect(sha(await buffer(storage.read(sha(huge))))).toBe(sha(huge));
    const before = await storedFiles();
    const over = await upload({ title: 'Quá lớn' }, pdfWithHugeStream(MAX_BYTES + 1024));
    await refused(over.res, 413, /too large/, /quá lớn/);
    expect(await storedFiles()).toBe(before);
    await storageIsClean();
  });

  it('keeps file names from escaping storage: traversal, NUL, control and bidi characters, 10 000 characters', async () => {
    const pdf = await readFile(join(CORPUS, 'issue1293r.pdf'));
    const names: [string, string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\system32\\drivers\\etc\\hosts', 'hosts'],
      ['/abs/path/to/Tờ trình số 12.pdf', 'Tờ trình số 12.pdf'],
      ['..', '..'],
      ['ok\u0007\u001b[31mred.pdf', 'ok[31mred.pdf'],
      ['hop-dong-\u202efdp.exe', 'hop-dong-fdp.exe'],
    ];
    for (const [fileName, shown] of names) {
      const { res } = await upload({ title: 'Tên tệp lạ', fileName }, pdf);
      const m = await ok(res, PackageManifest, 201);
      expect(m.documents.at(-1)!.versions[0]!.fileName, fileName).toBe(shown);
    }
    // A NUL is refused before anything runs; an over-long name by the query schema.
    const nul = await upload({ title: 'NUL', fileName: 'a\u0000b.pdf' }, pdf);
    await refused(nul.res, 400, /NUL/, /NUL/);
    const long = await upload({ title: 'Dài', fileName: `${'x'.repeat(10_000)}.pdf` }, pdf);
    expect(long.res.status).toBe(400);
    // The same traversal on a new version of a document.
    const doc = w.pkg.documents[0]!;
    const { res } = await upload(
      { reason: 'Sửa lỗi', fileName: '../../../../tmp/evil.pdf' },
      await readFile(join(CORPUS, 'xref_command_missing.pdf')),
      `/api/admin/packages/${w.pkg.id}/documents/${doc.id}/versions`,
    );
    const m = await ok(res, PackageManifest, 201);
    expect(m.documents.find((d) => d.id === doc.id)!.versions.at(-1)!.fileName).toBe('evil.pdf');
    await storageIsClean();
  });

  it('serves a stored file only by its SHA-256, never by a path', async () => {
    await ok(
      await w.clerk.request('POST', `/api/admin/packages/${w.pkg.id}/publish`),
      PackageManifest,
    );
    const sub = await fetch(`${server.url}/api/packages/${w.pkg.id}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation: w.knownStrings.at(-2) }),
    });
    const { readerToken } = (await sub.json()) as { readerToken: string };
    for (const path of [
      '..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2fdata',
      'ABCDEF',
      `${'a'.repeat(64)}.pdf`,
    ]) {
      const res = await fetch(`${server.url}/api/packages/${w.pkg.id}/files/${path}`, {
        headers: { authorization: `Bearer ${readerToken}` },
      });
      expect([400, 404], path).toContain(res.status);
      ApiError.parse(await res.json());
    }
  });
});
