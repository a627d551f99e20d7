// Package PDF storage in the database, on PGlite and PostgreSQL, with real corpus PDFs: a file is
// stored in chunks and read back byte for byte, one chunk at a time; the same file is stored once
// however often (and however concurrently) it is uploaded; storing a large file does not hold up
// other queries; a refused or interrupted upload leaves nothing; and the `<sha256>.pdf` files of
// an older version's DATA_DIR/packages are adopted, each checked.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../db/database';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { pdfOf } from './pdf-fixtures';
import { PackageStorage } from './storage';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/pdfs');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Small chunks, so that corpus files span many of them. */
const CHUNK = 64 * 1024;

describe.each(DATABASE_KINDS)('package storage on %s', (kind) => {
  let db: TestDb;
  let work: string;
  let uploads: string;
  let storage: PackageStorage;
  let decree: Buffer;
  let invitation: Buffer;

  beforeAll(async () => {
    db = await openTestDb(kind);
    work = await mkdtemp(join(tmpdir(), 'hdnd-storage-'));
    uploads = join(work, 'uploads');
    storage = new PackageStorage(db, {
      maxBytes: 8 * 1024 * 1024,
      tmpDir: uploads,
      chunkBytes: CHUNK,
    });
    decree = await readFile(join(CORPUS, 'vi_335_2025_ND-CP_print.pdf'));
    invitation = await readFile(join(CORPUS, 'vi_giay_moi_hdnd_tuan_giao_signed.pdf'));
  });
  afterAll(async () => {
    await db.destroy();
    await rm(work, { recursive: true, force: true });
  });

  const chunksOf = async (sha256: string) =>
    (
      await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM package_file_chunks WHERE sha256 = $1',
        [sha256],
      )
    )[0]!.n;
  const filesNamed = async (sha256: string) =>
    (
      await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM package_files WHERE sha256 = $1',
        [sha256],
      )
    )[0]!.n;

  it('stores a PDF in chunks and reads back the exact bytes', async () => {
    const stored = await storage.put(Readable.from([decree]));
    expect(stored).toEqual({ sha256: sha(decree), size: decree.length });
    expect(await chunksOf(stored.sha256)).toBe(Math.ceil(decree.length / CHUNK));
    expect(await storage.size(stored.sha256)).toBe(decree.length);
    expect((await storage.head(stored.sha256, 5)).toString('latin1')).toBe('%PDF-');
    expect(sha(await buffer(storage.read(stored.sha256)))).toBe(sha(decree));
    // The upload passed through a temporary file, which is gone.
    expect(await readdir(uploads)).toEqual([]);
  });

  it('reads one chunk at a time, as fast as the reader takes them', async () => {
    const { sha256 } = await storage.put(Readable.from([decree]));
    // The real database, with the chunk reads counted.
    let fetched = 0;
    const counted: TestDb = Object.assign(Object.create(db) as TestDb, {
      query: (sql: string, params?: unknown[]) => {
        if (sql.includes('FROM package_file_chunks')) fetched++;
        return db.query(sql, params);
      },
    });
    const stream = new PackageStorage(counted, { maxBytes: 0 }).read(sha256);
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    stream.pause();
    expect(first.length).toBe(CHUNK);
    // Paused after the first chunk: at most the next one is fetched, not the whole file.
    await new Promise((r) => setTimeout(r, 300));
    expect(fetched).toBeLessThanOrEqual(2);
    const rest = await buffer(stream);
    expect(sha(Buffer.concat([first, rest]))).toBe(sha(decree));
    expect(fetched).toBe(Math.ceil(decree.length / CHUNK));
  });

  it('stores the same file once, however often and however concurrently it is uploaded', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => storage.put(Readable.from([invitation]))),
    );
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha(invitation)]));
    expect(await filesNamed(sha(invitation))).toBe(1);
    expect(await chunksOf(sha(invitation))).toBe(Math.ceil(invitation.length / CHUNK));
    expect(sha(await buffer(storage.read(sha(invitation))))).toBe(sha(invitation));
  });

  it('answers other queries (a ballot, a raised hand) while a large file is being stored', async () => {
    // A one-page PDF carrying 4 MiB of random bytes in an object no page uses.
    const big = pdfOf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      Buffer.concat([
        Buffer.from(`<< /Length ${4 * 1024 * 1024} >>\nstream\n`),
        randomBytes(4 * 1024 * 1024),
        Buffer.from('\nendstream'),
      ]),
    ]);
    const total = Math.ceil(big.length / CHUNK);
    // The real database, with the chunk inserts counted; at the third, another query is made.
    let inserts = 0;
    let answeredAfter: Promise<number> | undefined;
    const spy = (q: Queryable): Queryable => ({
      exec: (sql) => q.exec(sql),
      query: (sql, params) => {
        if (sql.includes('INSERT INTO package_file_chunks') && ++inserts === 3)
          answeredAfter = db.query('SELECT 1').then(() => inserts);
        return q.query(sql, params);
      },
    });
    const spied: Db = Object.assign(Object.create(db) as Db, {
      query: spy(db).query,
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(spy(tx))),
    });
    const stored = await new PackageStorage(spied, {
      maxBytes: big.length,
      tmpDir: uploads,
      chunkBytes: CHUNK,
    }).put(Readable.from([big]));
    expect(inserts).toBe(total);
    // It answered within a few chunks, not after the whole file.
    expect(await answeredAfter).toBeLessThan(total / 4);
    expect(sha(await buffer(storage.read(stored.sha256)))).toBe(sha(big));
  });

  it('keeps nothing of a refused upload: not in the database, not on disk', async () => {
    const cut = decree.subarray(0, decree.length - 4096);
    await expect(storage.put(Readable.from([cut]))).rejects.toMatchObject({ status: 400 });
    const big = Buffer.concat([decree, decree, decree, decree, decree, decree]);
    const small = new PackageStorage(db, { maxBytes: decree.length, tmpDir: uploads });
    await expect(small.put(Readable.from([big]))).rejects.toMatchObject({ status: 413 });
    expect([await filesNamed(sha(cut)), await chunksOf(sha(cut))]).toEqual([0, 0]);
    expect(await readdir(uploads)).toEqual([]);
    expect(await storage.has(sha(cut))).toBe(false);
  });

  it('drops chunks an interrupted upload left, and nothing of a stored file', async () => {
    const { sha256 } = await storage.put(Readable.from([decree]));
    const orphan = 'e'.repeat(64);
    await db.query(
      "INSERT INTO package_file_chunks (sha256, seq, data) VALUES ($1, 0, '\\x255044462d'), ($1, 1, '\\x00')",
      [orphan],
    );
    expect(await storage.removeIncomplete()).toBe(2);
    expect(await chunksOf(orphan)).toBe(0);
    expect(sha(await buffer(storage.read(sha256)))).toBe(sha(decree));
  });

  it('adopts the <sha256>.pdf files of an older version’s package folder, each checked', async () => {
    const old = join(work, 'packages');
    const handbook = await readFile(join(CORPUS, 'vi_sotay_bo_noi_vu_2026.pdf'));
    const forged = await readFile(join(CORPUS, 'issue1293r.pdf'));
    await rm(old, { recursive: true, force: true });
    await storage.put(Readable.from([invitation]));
    await mkdir(old);
    await writeFile(join(old, `${sha(handbook)}.pdf`), handbook);
    await writeFile(join(old, `${sha(invitation)}.pdf`), invitation);
    // A file whose content is not what its name says, an upload left half-way, a stray file.
    const lie = 'f'.repeat(64);
    await writeFile(join(old, `${lie}.pdf`), forged);
    await copyFile(join(CORPUS, 'issue1293r.pdf'), join(old, '.upload-0123456789abcdef'));
    await writeFile(join(old, 'notes.txt'), 'ghi chú');

    const report = await storage.adopt(old);
    expect(report).toEqual({ imported: [sha(handbook)], present: 1, mismatched: [`${lie}.pdf`] });
    expect(sha(await buffer(storage.read(sha(handbook))))).toBe(sha(handbook));
    // The mismatched file's chunks were rolled back with it; the stray files were not read.
    expect([await filesNamed(lie), await chunksOf(lie)]).toEqual([0, 0]);
    expect(await storage.has(sha(forged))).toBe(false);
    // The folder is left as it was, and a second start imports nothing more.
    expect((await readdir(old)).length).toBe(5);
    expect(await storage.adopt(old)).toEqual({
      imported: [],
      present: 2,
      mismatched: [`${lie}.pdf`],
    });
    expect(await storage.adopt(join(work, 'no-such-folder'))).toEqual({
      imported: [],
      present: 0,
      mismatched: [],
    });
  });
});
