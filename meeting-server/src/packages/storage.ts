// Content-addressed PDF storage for session packages, in the database (migration 010), so that
// every server instance on one PostgreSQL serves the same files. An upload is streamed to a
// temporary file while its SHA-256 is computed and its size limited, checked to be a whole PDF
// (header and end-of-file marker) that pdf.js opens within a budget (pdf-check.ts), then copied into the database in chunks of 1 MiB, in one
// transaction whose last row (package_files) makes the file visible. Reads fetch one chunk at a
// time. Files are named only by their hex digest: no file name sent by a client reaches storage.
// `adopt` imports the `<sha256>.pdf` files an older version kept in DATA_DIR/packages.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '../../../shared/errors';
import type { Db, Queryable } from '../db/database';
import { HttpError, badRequest } from '../http/errors';
import { DEFAULT_PDF_BUDGET, checkPdf, type PdfBudget } from './pdf-check';

const SHA = /^[0-9a-f]{64}$/;
const STORED_NAME = /^([0-9a-f]{64})\.pdf$/;

/** Bytes per stored chunk: small enough to stream, large enough to keep rows few. */
export const CHUNK_BYTES = 1024 * 1024;

export interface StoredPdf {
  sha256: string;
  size: number;
}

export interface AdoptReport {
  /** SHA-256 of each file copied into the database. */
  imported: string[];
  /** Files already in the database. */
  present: number;
  /** Names of `<sha256>.pdf` files whose content does not have that SHA-256 (left alone). */
  mismatched: string[];
}

export const tooLarge = (maxBytes: number) =>
  new HttpError(
    413,
    ErrorCode.payloadTooLarge,
    `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB). Hãy nén hoặc chia nhỏ tệp rồi tải lên lại.`,
    `The file is too large (at most ${Math.round(maxBytes / 1024 / 1024)} MB). Compress or split it and upload again.`,
  );

export const notPdf = () =>
  badRequest(
    'Tệp này không phải PDF. Hãy xuất văn bản ra PDF rồi tải lên lại.',
    'This file is not a PDF. Export the document as PDF and upload it again.',
  );

export const truncatedPdf = () =>
  badRequest(
    'Tệp PDF bị thiếu phần cuối (tải lên dở dang hoặc tệp hỏng). Hãy lưu lại tệp rồi tải lên lại.',
    'The PDF is cut short (an interrupted upload or a damaged file). Save the file again and upload it again.',
  );

export const unreadablePdf = () =>
  badRequest(
    'Tệp này có phần đầu và phần cuối của PDF nhưng không mở được như một PDF (tệp hỏng, hoặc một loại tệp khác đổi tên thành .pdf). Hãy mở tệp gốc và xuất lại ra PDF rồi tải lên lại.',
    'This file starts and ends like a PDF but does not open as one (a damaged file, or another kind of file renamed to .pdf). Open the original and export it as PDF again, then upload it.',
  );

export const pagelessPdf = () =>
  badRequest(
    'Tệp PDF này không có trang nào. Hãy kiểm tra lại tệp rồi tải lên lại.',
    'This PDF has no pages. Check the file and upload it again.',
  );

export const overBudgetPdf = () =>
  new HttpError(
    422,
    'pdf_over_budget',
    'Tệp PDF này cần quá nhiều bộ nhớ hoặc thời gian để mở (ví dụ dữ liệu nén phình ra bất thường), nên máy chủ không nhận. Hãy mở tệp và in lại ra PDF ("Print to PDF") hoặc chia nhỏ rồi tải lên lại.',
    'This PDF needs too much memory or time to open (for example compressed data that expands enormously), so the server refuses it. Open it and print it to PDF again, or split it, then upload it.',
  );

const emptyFile = () =>
  badRequest(
    'Tệp tải lên trống. Hãy chọn đúng tệp PDF.',
    'The uploaded file is empty. Choose the right PDF.',
  );

/** A file whose content does not have the SHA-256 it was to be stored under. */
class ContentMismatch extends Error {}

const running = new Map<string, Promise<unknown>>();
/** Runs `fn` after any earlier call with the same key in this process has finished. */
function exclusive<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const next = (running.get(key) ?? Promise.resolve()).then(fn, fn);
  const settled = next.catch(() => undefined);
  running.set(key, settled);
  void settled.then(() => {
    if (running.get(key) === settled) running.delete(key);
  });
  return next;
}

/** True when `%PDF-` is in the first 1024 bytes (as readers require). */
export function hasPdfHeader(head: Buffer): boolean {
  return head.subarray(0, 1024).includes('%PDF-');
}

/** True when `%%EOF` is in the last 1024 bytes: a PDF cut short (truncated) lacks it. */
export function hasPdfTrailer(tail: Buffer): boolean {
  return tail.subarray(Math.max(0, tail.length - 1024)).includes('%%EOF');
}

const asBuffer = (data: Uint8Array) =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export interface PackageStorageOptions {
  /** Largest PDF accepted, in bytes. */
  maxBytes: number;
  /** Folder for uploads in progress (deleted when stored or refused); default os.tmpdir(). */
  tmpDir?: string;
  /** Bytes per stored chunk; default CHUNK_BYTES. */
  chunkBytes?: number;
  /** The memory and time an upload may take to open (pdf-check.ts); default DEFAULT_PDF_BUDGET. */
  pdfBudget?: Partial<PdfBudget>;
}

export class PackageStorage {
  readonly maxBytes: number;
  readonly tmpDir: string;
  readonly chunkBytes: number;
  readonly pdfBudget: PdfBudget;

  /**
   * `db` should be the database without the audit hook: storing the bytes is not the staff
   * action; the document or version row written after it is, and carries the audit entry.
   */
  constructor(
    readonly db: Db,
    options: PackageStorageOptions,
  ) {
    this.maxBytes = options.maxBytes;
    this.tmpDir = options.tmpDir ?? tmpdir();
    this.chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    this.pdfBudget = { ...DEFAULT_PDF_BUDGET, ...options.pdfBudget };
  }

  /** Throws for anything but a SHA-256 hex digest. */
  #checked(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error('not a sha256');
    return sha256;
  }

  /** Streams `body` to storage; refuses too large, empty, non-PDF and truncated uploads. */
  async put(body: Readable, declaredLength?: number): Promise<StoredPdf> {
    if (declaredLength !== undefined && declaredLength > this.maxBytes) {
      body.resume();
      throw tooLarge(this.maxBytes);
    }
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, `hdnd-upload-${randomBytes(12).toString('hex')}.pdf`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let tail = Buffer.alloc(0);
    const maxBytes = this.maxBytes;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > maxBytes) throw tooLarge(maxBytes);
            hash.update(chunk);
            if (head.length < 1024) head = Buffer.concat([head, chunk]).subarray(0, 1024);
            tail = Buffer.concat([tail, chunk]);
            if (tail.length > 2048) tail = tail.subarray(tail.length - 1024);
            yield chunk;
          }
        },
        createWriteStream(tmp, { flags: 'wx', mode: 0o600 }),
      );
      if (size === 0) throw emptyFile();
      if (!hasPdfHeader(head)) throw notPdf();
      if (!hasPdfTrailer(tail)) throw truncatedPdf();
      const opened = await checkPdf(tmp, this.pdfBudget);
      if (opened.verdict === 'unreadable') throw unreadablePdf();
      if (opened.verdict === 'noPages') throw pagelessPdf();
      if (opened.verdict === 'budget') throw overBudgetPdf();
      const sha256 = hash.digest('hex');
      await this.#storeFile(tmp, sha256);
      return { sha256, size };
    } catch (err) {
      if (!body.readableEnded) body.resume();
      throw err;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /**
   * Copies the file at `path` into the database under `sha256`, unless it is there already:
   * every chunk first, the package_files row last. Throws ContentMismatch (storing nothing) when
   * the bytes read do not have that SHA-256.
   */
  async #storeFile(path: string, sha256: string): Promise<'stored' | 'present'> {
    if (await this.has(sha256)) return 'present';
    if (this.db.kind === 'postgres') {
      // One transaction on a pooled connection: nothing is visible before COMMIT, and a file
      // uploaded through two instances at once is stored once (ON CONFLICT waits for the other).
      await this.db.transaction(async (tx) => {
        const size = await this.#copyChunks(path, sha256, tx);
        await tx.query(
          'INSERT INTO package_files (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
          [sha256, size],
        );
      });
      return 'stored';
    }
    // PGlite has one connection: a transaction would hold every other query (a ballot, a raised
    // hand) for the whole upload. Chunks go in one statement at a time, the row after them; one
    // process owns a PGlite folder, so a lock per SHA-256 in this process is enough.
    return exclusive(sha256, async () => {
      if (await this.has(sha256)) return 'present';
      const incomplete = 'DELETE FROM package_file_chunks WHERE sha256 = $1';
      // Left by an interrupted attempt: its row was never written, so nothing reads them.
      await this.db.query(incomplete, [sha256]);
      try {
        const size = await this.#copyChunks(path, sha256, this.db);
        await this.db.transaction(async (tx) => {
          const [stored] = await tx.query<{ bytes: string | number }>(
            'SELECT coalesce(sum(length(data)), 0) AS bytes FROM package_file_chunks WHERE sha256 = $1',
            [sha256],
          );
          if (Number(stored?.bytes) !== size) throw new Error(`package file ${sha256}: incomplete`);
          await tx.query('INSERT INTO package_files (sha256, size) VALUES ($1, $2)', [
            sha256,
            size,
          ]);
        });
        return 'stored';
      } catch (err) {
        await this.db.query(incomplete, [sha256]).catch(() => undefined);
        throw err;
      }
    });
  }

  /** Inserts the file's chunks (reading it once, hashing as it goes); returns its size. */
  async #copyChunks(path: string, sha256: string, q: Queryable): Promise<number> {
    const fh = await open(path, 'r');
    try {
      const hash = createHash('sha256');
      let size = 0;
      for (let seq = 0; ; seq++) {
        const buf = Buffer.allocUnsafe(this.chunkBytes);
        let n = 0;
        while (n < buf.length) {
          const { bytesRead } = await fh.read(buf, n, buf.length - n, size + n);
          if (bytesRead === 0) break;
          n += bytesRead;
        }
        if (n === 0) break;
        const chunk = buf.subarray(0, n);
        hash.update(chunk);
        await q.query(
          `INSERT INTO package_file_chunks (sha256, seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (sha256, seq) DO NOTHING`,
          [sha256, seq, chunk],
        );
        size += n;
        if (n < buf.length) break;
      }
      if (size === 0 || hash.digest('hex') !== sha256) {
        throw new ContentMismatch(`${path} does not have the SHA-256 ${sha256}`);
      }
      return size;
    } finally {
      await fh.close();
    }
  }

  /** Size in bytes of a complete stored file, or undefined when there is none. */
  async size(sha256: string): Promise<number | undefined> {
    const [row] = await this.db.query<{ size: string | number | bigint }>(
      'SELECT size FROM package_files WHERE sha256 = $1',
      [this.#checked(sha256)],
    );
    return row ? Number(row.size) : undefined;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== undefined;
  }

  /**
   * The stored file as a stream that fetches one chunk when the reader wants more (at most about
   * one chunk buffered per download). Errors if the file is not stored.
   */
  read(sha256: string): Readable {
    const sha = this.#checked(sha256);
    const db = this.db;
    const size = (s: string) => this.size(s);
    async function* chunks() {
      const total = await size(sha);
      if (total === undefined) throw new Error(`package file ${sha} is not stored`);
      let sent = 0;
      for (let seq = 0; sent < total; seq++) {
        const [row] = await db.query<{ data: Uint8Array }>(
          'SELECT data FROM package_file_chunks WHERE sha256 = $1 AND seq = $2',
          [sha, seq],
        );
        if (!row) throw new Error(`package file ${sha}: chunk ${seq} is missing`);
        sent += row.data.byteLength;
        yield asBuffer(row.data);
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  /** First bytes of a stored file (tests and checks); empty when the file is not stored. */
  async head(sha256: string, length = 8): Promise<Buffer> {
    const [row] = await this.db.query<{ data: Uint8Array }>(
      `SELECT substring(c.data FROM 1 FOR $2) AS data
         FROM package_file_chunks c JOIN package_files f USING (sha256)
        WHERE c.sha256 = $1 AND c.seq = 0`,
      [this.#checked(sha256), length],
    );
    return row ? Buffer.from(asBuffer(row.data)) : Buffer.alloc(0);
  }

  /**
   * Deletes chunks that no package_files row claims: what an upload interrupted by a crash left
   * on PGlite (on PostgreSQL an upload's chunks commit with their row, and one in progress is
   * invisible here). Returns how many were deleted. Run at start-up, before uploads begin.
   */
  async removeIncomplete(): Promise<number> {
    const deleted = await this.db.query<{ seq: number }>(
      `DELETE FROM package_file_chunks c
        WHERE NOT EXISTS (SELECT 1 FROM package_files f WHERE f.sha256 = c.sha256)
       RETURNING c.seq`,
    );
    return deleted.length;
  }

  /**
   * One-time adoption after an upgrade: imports the `<sha256>.pdf` files of `dir` (an older
   * version's DATA_DIR/packages) that the database lacks, each checked against its name. Other
   * files are ignored and nothing is deleted; a missing folder imports nothing.
   */
  async adopt(dir: string): Promise<AdoptReport> {
    const report: AdoptReport = { imported: [], present: 0, mismatched: [] };
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return report;
      throw err;
    }
    for (const name of names.sort()) {
      const sha256 = STORED_NAME.exec(name)?.[1];
      if (!sha256) continue;
      try {
        if ((await this.#storeFile(join(dir, name), sha256)) === 'stored') {
          report.imported.push(sha256);
        } else report.present++;
      } catch (err) {
        if (!(err instanceof ContentMismatch)) throw err;
        report.mismatched.push(name);
      }
    }
    return report;
  }
}
