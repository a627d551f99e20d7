// Content-addressed PDF storage on disk for session packages: an upload is streamed to a temporary
// file while its SHA-256 is computed and its size limited, checked to be a whole PDF (header and
// end-of-file marker), then renamed to `<sha256>.pdf`. Names come only from the hex digest, so no
// file name sent by a client can ever reach the file system.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorCode } from '../../../shared/errors';
import { HttpError, badRequest } from '../http/errors';

const SHA = /^[0-9a-f]{64}$/;

export interface StoredPdf {
  sha256: string;
  size: number;
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

const emptyFile = () =>
  badRequest(
    'Tệp tải lên trống. Hãy chọn đúng tệp PDF.',
    'The uploaded file is empty. Choose the right PDF.',
  );

/** True when `%PDF-` is in the first 1024 bytes (as readers require). */
export function hasPdfHeader(head: Buffer): boolean {
  return head.subarray(0, 1024).includes('%PDF-');
}

/** True when `%%EOF` is in the last 1024 bytes: a PDF cut short (truncated) lacks it. */
export function hasPdfTrailer(tail: Buffer): boolean {
  return tail.subarray(Math.max(0, tail.length - 1024)).includes('%%EOF');
}

export class PackageStorage {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /** The path of a stored file; throws for anything but a SHA-256 hex digest. */
  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error('not a sha256');
    return join(this.dir, `${sha256}.pdf`);
  }

  /** Streams `body` to storage; refuses too large, empty, non-PDF and truncated uploads. */
  async put(body: Readable, declaredLength?: number): Promise<StoredPdf> {
    if (declaredLength !== undefined && declaredLength > this.maxBytes) {
      body.resume();
      throw tooLarge(this.maxBytes);
    }
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.upload-${randomBytes(12).toString('hex')}`);
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
        createWriteStream(tmp, { flags: 'wx' }),
      );
      if (size === 0) throw emptyFile();
      if (!hasPdfHeader(head)) throw notPdf();
      if (!hasPdfTrailer(tail)) throw truncatedPdf();
      const sha256 = hash.digest('hex');
      const dest = this.pathOf(sha256);
      if (await exists(dest)) await rm(tmp, { force: true });
      else await rename(tmp, dest);
      return { sha256, size };
    } catch (err) {
      await rm(tmp, { force: true });
      if (!body.readableEnded) body.resume();
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  read(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }

  /** First bytes of a stored file (tests and checks). */
  async head(sha256: string, length = 8): Promise<Buffer> {
    const fh = await open(this.pathOf(sha256), 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await fh.read(buf, 0, length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
