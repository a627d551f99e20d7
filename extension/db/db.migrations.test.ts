// Upgrading the briefcase database from every earlier shipped schema keeps every record.
// Adding schema version N later: append it to SCHEMA_VERSIONS in db.ts; this harness then builds a
// database at every earlier version from RECORDS_AT (add an entry only if the record shapes change)
// and opens it with the latest BriefcaseDb.
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { BriefcaseDb, declareVersions, LATEST_VERSION, SCHEMA_VERSIONS } from './db';

const fake = { indexedDB, IDBKeyRange };
let counter = 0;
const freshName = () => `hdnd-briefcase-test-${++counter}`;

type Records = Record<string, Record<string, unknown>[]>;

const V1_RECORDS: Records = {
  documents: [
    {
      id: 'doc-1',
      sha256: 'a'.repeat(64),
      title: 'Dự thảo Nghị quyết về ngân sách',
      fileName: 'du-thao.pdf',
      pageCount: 3,
      size: 1234,
      hasText: true,
      encrypted: false,
      sessionId: 'ky-hop-7',
      agendaItemId: 'muc-2',
      tags: ['ngân sách', 'góp ý'],
      importedAt: 1_700_000_000_000,
      openedAt: 1_700_000_100_000,
      lastPage: 2,
      source: { kind: 'file' },
    },
  ],
  files: [{ sha256: 'a'.repeat(64), blob: new Blob([new Uint8Array([37, 80, 68, 70])]), size: 4 }],
  pages: [{ docId: 'doc-1', pageIndex: 0, text: 'Điều 1. Phạm vi điều chỉnh\n' }],
  annotations: [
    {
      id: 'ann-1',
      docId: 'doc-1',
      kind: 'comment',
      color: 'yellow',
      body: 'Đề nghị làm rõ nguồn vốn',
      draftComment: true,
      target: {
        pageIndex: 0,
        rects: [[72, 700, 200, 712]],
        quote: { exact: 'Phạm vi', prefix: 'Điều 1. ', suffix: ' điều chỉnh' },
        position: { start: 8, end: 15 },
      },
      createdAt: 1_700_000_200_000,
      updatedAt: 1_700_000_200_000,
    },
  ],
  notes: [
    {
      id: 'note-1',
      docId: 'doc-1',
      sessionId: 'ky-hop-7',
      title: 'Chất vấn',
      body: '**Hỏi** về tiến độ',
      annotationIds: ['ann-1'],
      createdAt: 1,
      updatedAt: 2,
    },
  ],
  sessions: [
    {
      id: 'ky-hop-7',
      title: 'Kỳ họp thứ 7',
      agenda: [{ id: 'muc-2', title: 'Ngân sách', position: 2 }],
    },
  ],
  settings: [{ key: 'locale', value: 'vi' }],
};

/** Records written at each schema version (the newest entry at or below a version applies). */
const RECORDS_AT: Record<number, Records> = { 1: V1_RECORDS };

function recordsAt(version: number): Records {
  const known = Object.keys(RECORDS_AT)
    .map(Number)
    .filter((v) => v <= version);
  return RECORDS_AT[Math.max(...known)]!;
}

async function buildAt(name: string, version: number): Promise<Records> {
  const old = new Dexie(name, fake);
  declareVersions(
    old,
    SCHEMA_VERSIONS.filter((v) => v.version <= version),
  );
  const records = recordsAt(version);
  await old.open();
  for (const [table, rows] of Object.entries(records)) await old.table(table).bulkPut(rows);
  old.close();
  return records;
}

async function expectAllKept(db: BriefcaseDb, records: Records) {
  for (const [table, rows] of Object.entries(records)) {
    const t = db.table(table);
    expect(await t.count()).toBe(rows.length);
    for (const row of rows) {
      const key = t.schema.primKey.keyPath;
      const id = Array.isArray(key) ? key.map((k) => row[k]) : row[key as string];
      const stored = (await t.get(id as string)) as Record<string, unknown> | undefined;
      const { blob, ...rest } = row as { blob?: Blob };
      expect(stored).toMatchObject(rest);
      if (blob)
        expect(await (stored!.blob as Blob).arrayBuffer()).toEqual(await blob.arrayBuffer());
    }
  }
}

describe('schema upgrades keep every record', () => {
  for (const { version } of SCHEMA_VERSIONS) {
    test(`a database written at version ${version} opens at version ${LATEST_VERSION} with every record`, async () => {
      const name = freshName();
      const records = await buildAt(name, version);
      const db = new BriefcaseDb(name, fake);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      await expectAllKept(db, records);
      db.close();
    });
  }

  test('a synthetic pre-release database (IndexedDB version 1, two bare stores) upgrades with its records', async () => {
    const name = freshName();
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('documents', { keyPath: 'id' });
        req.result.createObjectStore('settings', { keyPath: 'key' });
      };
      req.onsuccess = () => {
        const tx = req.result.transaction(['documents', 'settings'], 'readwrite');
        tx.objectStore('documents').put(V1_RECORDS.documents![0]);
        tx.objectStore('settings').put({ key: 'locale', value: 'en' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    const db = new BriefcaseDb(name, fake);
    await db.open();
    expect(await db.documents.where('sha256').equals('a'.repeat(64)).count()).toBe(1);
    expect(await db.documents.where('tags').equals('góp ý').first()).toMatchObject({ id: 'doc-1' });
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'en' });
    expect(await db.pages.count()).toBe(0);
    db.close();
  });

  test('versions in SCHEMA_VERSIONS only increase', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
