// Test helpers for session packages: a typed stand-in for the meeting server's package API (the
// manifest with ETag / 304, files by SHA-256, a reader token; it can go offline or cut a download
// short) served through a `fetch` function, and draft resolutions made as real PDFs from the
// corpus's text of Nghị định 335/2025 (pdf-lib, DejaVu Sans for the Vietnamese letters).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { PackageManifest } from '../../shared/packages';
import { CORPUS_DIR } from './corpus';

export const ORIGIN = 'https://hdnd-tuangiao.example.vn';
export const PACKAGE_ID = 'pkg-ky-hop-3';
export const READER_TOKEN = 'reader-token-of-delegate';

/** The decree's first page, one line of text each. */
export const DECREE_LINES = readFileSync(
  resolve(CORPUS_DIR, 'text/pdftotext_vi_335_2025_ND-CP_print.txt'),
  'utf8',
)
  .split('\f')[0]!
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);

export const LINES_PER_PAGE = 40;

const FONT = readFileSync(
  resolve(import.meta.dirname, '../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
);

/** A PDF with `lines` of text, LINES_PER_PAGE to a page. */
export async function draftPdf(lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(FONT, { subset: true });
  for (let at = 0; at < lines.length; at += LINES_PER_PAGE) {
    const page = pdf.addPage([595, 842]);
    lines.slice(at, at + LINES_PER_PAGE).forEach((line, i) => {
      page.drawText(line, { x: 40, y: 800 - i * 19, size: 9, font });
    });
  }
  return pdf.save();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class FakePackageServer {
  manifest: PackageManifest;
  readonly files = new Map<string, Uint8Array>();
  /** Paths asked for, in order (`manifest`, `files/<sha>`). */
  readonly requests: string[] = [];
  offline = false;
  /** SHA-256 of files served cut in half. */
  readonly cutShort = new Set<string>();

  constructor() {
    this.manifest = {
      id: PACKAGE_ID,
      title: 'Tài liệu kỳ họp thứ ba',
      visibility: 'private',
      publishedAt: '2026-12-01T02:00:00Z',
      revision: 1,
      meeting: {
        id: 'meeting-3',
        title: 'Kỳ họp thứ ba',
        startsAt: '2026-12-10T01:30:00Z',
        councilName: 'HĐND xã Tuần Giáo',
      },
      agenda: [{ id: 'item-1', position: 1, title: 'Thảo luận dự thảo nghị quyết' }],
      documents: [],
    };
  }

  get address() {
    return { origin: ORIGIN, packageId: PACKAGE_ID, readerToken: READER_TOKEN };
  }

  private version(bytes: Uint8Array, number: number, reason: string | null) {
    const hash = sha256(bytes);
    this.files.set(hash, bytes);
    return {
      number,
      sha256: hash,
      size: bytes.length,
      fileName: `du-thao-v${number}.pdf`,
      reason,
      createdAt: '2026-12-01T02:00:00Z',
      path: `files/${hash}`,
    };
  }

  /** Publishes a new document; returns its id. */
  addDocument(title: string, bytes: Uint8Array): string {
    const id = `doc-${this.manifest.documents.length + 1}`;
    this.manifest = {
      ...this.manifest,
      revision: this.manifest.revision + 1,
      documents: [
        ...this.manifest.documents,
        {
          id,
          title,
          agendaItemId: 'item-1',
          position: this.manifest.documents.length,
          current: 1,
          versions: [this.version(bytes, 1, null)],
        },
      ],
    };
    return id;
  }

  /** The secretariat replaces a document with a new version, saying why. */
  replace(documentId: string, bytes: Uint8Array, reason: string): string {
    let hash = '';
    this.manifest = {
      ...this.manifest,
      revision: this.manifest.revision + 1,
      documents: this.manifest.documents.map((d) => {
        if (d.id !== documentId) return d;
        const v = this.version(bytes, d.current + 1, reason);
        hash = v.sha256;
        return { ...d, current: v.number, versions: [...d.versions, v] };
      }),
    };
    return hash;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const prefix = `/api/packages/${PACKAGE_ID}/`;
    if (this.offline) throw new TypeError('Failed to fetch');
    const path = url.pathname.slice(prefix.length);
    this.requests.push(path);
    const headers = new Headers(init?.headers);
    if (url.origin !== ORIGIN || !url.pathname.startsWith(prefix)) {
      return new Response('{}', { status: 404 });
    }
    if (headers.get('authorization') !== `Bearer ${READER_TOKEN}`) {
      return Response.json({ message: { vi: 'Cần đăng nhập', en: 'Sign in' } }, { status: 401 });
    }
    if (path === 'manifest') {
      const etag = `"r${this.manifest.revision}"`;
      if (headers.get('if-none-match') === etag) return new Response(null, { status: 304 });
      return Response.json(this.manifest, { headers: { etag } });
    }
    const hash = path.replace(/^files\//, '');
    const bytes = this.files.get(hash);
    if (!bytes) return new Response('{}', { status: 404 });
    const served = this.cutShort.has(hash) ? bytes.slice(0, bytes.length >> 1) : bytes;
    return new Response(served as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': 'application/pdf', 'content-length': String(served.length) },
    });
  };
}
