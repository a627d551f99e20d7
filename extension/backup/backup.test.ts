// Backup and restore on fake-indexeddb with real corpus PDFs: the round trip is exact, and a
// damaged backup is refused (in Vietnamese) before anything in the briefcase changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBKeyRange, IDBObjectStore, indexedDB } from 'fake-indexeddb';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { openBriefcaseDb, type BriefcaseDb } from '../db/db';
import { BackupError, createBackup, restoreBackup } from './backup';

const PDFS = resolve(import.meta.dirname, '../../../shared/corpus/pdfs');
const SIGNED = new Uint8Array(readFileSync(resolve(PDFS, 'vi_giay_moi_hdnd_tuan_giao_signed.pdf')));
const DECREE = new Uint8Array(readFileSync(resolve(PDFS, 'vi_nd47_2020_vgca_signed.pdf')));
const SHA_SIGNED = 'a'.repeat(64);
const SHA_DECREE = 'b'.repeat(64);

let counter = 0;
const fresh = () => openBriefcaseDb(`backup-test-${++counter}`, { indexedDB, IDBKeyRange });

async function fill(db: BriefcaseDb): Promise<void> {
  await db.files.bulkAdd([
    {
      sha256: SHA_SIGNED,
      blob: new Blob([SIGNED], { type: 'application/pdf' }),
      size: SIGNED.length,
    },
    {
      sha256: SHA_DECREE,
      blob: new Blob([DECREE], { type: 'application/pdf' }),
      size: DECREE.length,
    },
  ]);
  await db.documents.bulkAdd([
    {
      id: 'd1',
      sha256: SHA_SIGNED,
      title: 'Giấy mời họp Thường trực HĐND huyện',
      fileName: 'giay-moi.pdf',
      pageCount: 1,
      size: SIGNED.length,
      hasText: true,
      encrypted: false,
      sessionId: 's1',
      agendaItemId: 'i1',
      tags: ['giấy mời', 'thường trực'],
      importedAt: 1_700_000_000_000,
      openedAt: 1_700_000_500_000,
      lastPage: 0,
      source: { kind: 'file' },
    },
    {
      id: 'd2',
      sha256: SHA_DECREE,
      title: 'Nghị định 47/2020/NĐ-CP',
      fileName: 'nd47.pdf',
      pageCount: 31,
      size: DECREE.length,
      hasText: true,
      encrypted: false,
      tags: [],
      importedAt: 1_700_000_100_000,
      source: { kind: 'url', url: 'https://example.org/nd47.pdf' },
    },
  ]);
  await db.pages.bulkAdd([
    { docId: 'd1', pageIndex: 0, text: 'GIẤY MỜI\nKính gửi: …' },
    { docId: 'd2', pageIndex: 0, text: 'cơ quan nhà n\u01a3ớc' },
    { docId: 'd2', pageIndex: 1, text: 'Điều 1. Phạm vi điều chỉnh' },
  ]);
  await db.annotations.add({
    id: 'a1',
    docId: 'd2',
    kind: 'comment',
    color: 'yellow',
    body: 'Đề nghị làm rõ **thời hạn**',
    draftComment: true,
    target: {
      pageIndex: 1,
      rects: [[72.5, 700.25, 300, 712]],
      quote: { exact: 'Phạm vi điều chỉnh', prefix: 'Điều 1. ', suffix: '' },
      position: { start: 8, end: 26 },
    },
    createdAt: 1_700_000_200_000,
    updatedAt: 1_700_000_300_000,
    orphaned: false,
  });
  await db.notes.add({
    id: 'n1',
    sessionId: 's1',
    title: 'Chuẩn bị kỳ họp',
    body: '- ý 1\n- ý 2',
    annotationIds: ['a1'],
    createdAt: 1,
    updatedAt: 2,
  });
  await db.sessions.add({
    id: 's1',
    title: 'Kỳ họp thứ 13',
    agenda: [{ id: 'i1', title: 'Thường trực mở rộng', position: 1 }],
  });
  await db.settings.bulkAdd([
    { key: 'delegateName', value: 'Trần Thị Bình' },
    { key: 'prefs', value: { at: new Date('2026-01-02T03:04:05Z'), zoom: 1.25, list: [1, 'x'] } },
  ]);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every table's rows, with blobs turned into their bytes for comparison. */
async function snapshot(db: BriefcaseDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) {
    const rows = (await t.toArray()) as Record<string, unknown>[];
    out[t.name] = await Promise.all(
      rows.map(async (r) =>
        r.blob instanceof Blob
          ? {
              ...r,
              blob: {
                type: r.blob.type,
                sha256: sha256(new Uint8Array(await r.blob.arrayBuffer())),
              },
            }
          : r,
      ),
    );
  }
  return out;
}

/** Rewrites one entry of a backup zip. */
function tamper(
  zip: Uint8Array,
  path: string,
  change: (bytes: Uint8Array) => Uint8Array<ArrayBuffer>,
): Uint8Array {
  const entries = unzipSync(zip);
  entries[path] = change(entries[path]!);
  return zipSync(entries);
}

let original: BriefcaseDb;
beforeEach(async () => {
  original = fresh();
  await fill(original);
});

describe('backup round trip', () => {
  it('restores every table exactly, PDFs byte for byte, into an empty briefcase', async () => {
    const backup = await createBackup(original);
    const target = fresh();
    await restoreBackup(target, backup.bytes);
    const restored = await snapshot(target);
    // Every annotation and note gets a fresh revision (a tab opened before cannot write over it
    // unseen); everything else is exactly as it was.
    const dropRev = (rows: unknown[] = []) =>
      rows.map((r) => {
        const { rev, ...rest } = r as Record<string, unknown>;
        expect(rev).toEqual(expect.any(String));
        return rest;
      });
    expect({
      ...restored,
      annotations: dropRev(restored.annotations),
      notes: dropRev(restored.notes),
    }).toEqual(await snapshot(original));
    expect(restored.files).toContainEqual(
      expect.objectContaining({ blob: { type: 'application/pdf', sha256: sha256(SIGNED) } }),
    );
    const blob = (await target.files.get(SHA_DECREE))!.blob;
    expect(Buffer.compare(new Uint8Array(await blob.arrayBuffer()), DECREE)).toBe(0);
    expect((await target.settings.get('prefs'))!.value).toEqual({
      at: new Date('2026-01-02T03:04:05Z'),
      zoom: 1.25,
      list: [1, 'x'],
    });
  });

  it('replaces what the briefcase held before the restore', async () => {
    const backup = await createBackup(original);
    const target = fresh();
    await target.notes.add({
      id: 'other',
      title: 'x',
      body: 'y',
      annotationIds: [],
      createdAt: 1,
      updatedAt: 1,
    });
    await restoreBackup(target, backup.bytes);
    expect(await target.notes.get('other')).toBeUndefined();
    expect(await target.notes.count()).toBe(1);
  });

  it('lists counts and the SHA-256 of data.json and of each PDF in the manifest', async () => {
    const backup = await createBackup(original, () => new Date('2026-11-23T10:00:00Z'));
    const manifest = JSON.parse(strFromU8(unzipSync(backup.bytes)['manifest.json']!)) as {
      counts: Record<string, number>;
      blobs: { sha256: string; size: number }[];
      data: { sha256: string };
    };
    expect(manifest.counts).toMatchObject({
      documents: 2,
      files: 2,
      pages: 3,
      annotations: 1,
      notes: 1,
      sessions: 1,
      settings: 2,
    });
    expect(manifest.blobs.map((b) => b.size).sort((a, b) => a - b)).toEqual(
      [DECREE.length, SIGNED.length].sort((a, b) => a - b),
    );
    expect(manifest.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(backup.fileName).toBe('cap-tai-lieu-hdnd-2026-11-23.zip');
  });
});

describe('a damaged backup changes nothing', () => {
  let backup: Uint8Array;
  let target: BriefcaseDb;
  let before: Record<string, unknown[]>;

  beforeEach(async () => {
    backup = (await createBackup(original)).bytes;
    target = fresh();
    await target.notes.add({
      id: 'mine',
      title: 'Ghi chú của tôi',
      body: '',
      annotationIds: [],
      createdAt: 1,
      updatedAt: 1,
    });
    before = await snapshot(target);
  });

  async function refused(bytes: Uint8Array): Promise<BackupError> {
    const error = await restoreBackup(target, bytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect(await snapshot(target)).toEqual(before);
    return error as BackupError;
  }

  it('refuses a PDF whose bytes changed, naming the file, in Vietnamese', async () => {
    const sha = sha256(DECREE);
    const error = await refused(
      tamper(backup, `files/${sha}`, (b) => {
        const c = b.slice();
        c[1000] = c[1000]! ^ 0xff;
        return c;
      }),
    );
    expect(error.code).toBe('hash');
    expect(error.bilingual.vi).toContain('Không có gì bị thay đổi');
    expect(error.bilingual.vi).toContain(sha);
  });

  it('refuses an edited data.json', async () => {
    const error = await refused(
      tamper(backup, 'data.json', (b) =>
        strToU8(strFromU8(b).replace('Kỳ họp thứ 13', 'Kỳ họp thứ 14')),
      ),
    );
    expect(error.code).toBe('hash');
  });

  it('refuses a truncated file', async () => {
    expect((await refused(backup.slice(0, backup.length / 2))).code).toBe('notZip');
  });

  it('refuses a zip that is not a briefcase backup', async () => {
    expect((await refused(zipSync({ 'readme.txt': strToU8('xin chào') }))).code).toBe('noManifest');
  });

  it('refuses a backup with a PDF left out of the zip, naming it', async () => {
    const sha = sha256(SIGNED);
    const entries = unzipSync(backup);
    delete entries[`files/${sha}`];
    const error = await refused(zipSync(entries));
    expect(error.code).toBe('missing');
    expect(error.bilingual.vi).toContain(`files/${sha}`);
  });

  it('keeps the briefcase as it was when the disk fills up half-way through the restore', async () => {
    // Tables are cleared and refilled in one transaction; the notes come after documents and
    // pages, so a full disk there must roll back everything already replaced.
    const realPut = IDBObjectStore.prototype.put;
    const realAdd = IDBObjectStore.prototype.add;
    const full = <F extends (...args: never[]) => IDBRequest>(real: F) =>
      function (this: IDBObjectStore, ...args: Parameters<F>) {
        if (this.name === 'notes') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return real.apply(this, args);
      } as unknown as F;
    IDBObjectStore.prototype.put = full(realPut);
    IDBObjectStore.prototype.add = full(realAdd);
    try {
      const error = await refused(backup);
      expect(error.code).toBe('storage');
      expect(error.bilingual.vi).toContain('Không có gì bị thay đổi');
      expect(error.bilingual.vi).toContain('giải phóng dung lượng');
    } finally {
      IDBObjectStore.prototype.put = realPut;
      IDBObjectStore.prototype.add = realAdd;
    }
  });

  it('refuses a backup from a newer schema and says to update the extension', async () => {
    const error = await refused(
      tamper(backup, 'manifest.json', (b) =>
        strToU8(strFromU8(b).replace(/"schemaVersion": \d+/, '"schemaVersion": 99')),
      ),
    );
    expect(error.code).toBe('newer');
    expect(error.bilingual.vi).toContain('cập nhật tiện ích');
  });
});
