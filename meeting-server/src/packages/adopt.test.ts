// Upgrading from a version that kept session package PDFs in DATA_DIR/packages: the real main.ts
// (a child process, on PGlite in its data folder and on PostgreSQL) imports those files into the
// database at its first start, each checked against its SHA-256 name, so every published
// document still downloads byte for byte — also after the folder is gone (PGlite) or through
// another instance with an empty DATA_DIR (PostgreSQL).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPglite, type Queryable } from '../db/database';
import { migrate } from '../db/migrate';
import { startMain, urlWithSchema, type MainProcess } from '../faults/helpers';
import { TEST_DATABASE_URL, openTestDb, type TestDb } from '../testing/databases';
import { seedLiveMeeting } from '../testing/live';
import { addDocument, createPackage, publishPackage } from './store';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/pdfs');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** The documents of the older version's package: the 1.4 MB scan spans two 1 MiB chunks. */
const FILES = ['vi_tb79_vpcp_imageonly.pdf', 'vi_335_2025_ND-CP_print.pdf'];
/** Ports for main.ts, offsets from TEST_LIVEKIT_PORT no other test uses (see FAULT_PORTS). */
const PORT = Number(process.env.TEST_LIVEKIT_PORT ?? 17880) + 80;

/** What an older version left: a published public package whose PDFs exist only on disk. */
async function seedOlderVersion(db: Queryable, files: Buffer[]): Promise<string> {
  const { meetingId } = await seedLiveMeeting(db, { members: 2 });
  const packageId = await createPackage(db, {
    meetingId,
    title: 'Tài liệu kỳ họp (bản cũ)',
    visibility: 'public',
  });
  for (const [i, bytes] of files.entries()) {
    await addDocument(db, {
      packageId,
      title: `Tài liệu ${i + 1}`,
      agendaItemId: null,
      sha256: sha(bytes),
      size: bytes.length,
      fileName: FILES[i]!,
      createdBy: 'staff-before-upgrade',
      at: new Date(),
    });
  }
  await publishPackage(db, packageId, new Date());
  return packageId;
}

async function download(server: MainProcess, packageId: string, sha256: string) {
  const res = await fetch(`${server.url}/api/packages/${packageId}/files/${sha256}`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe.each(['pglite', 'postgres'] as const)(
  'upgrade: package PDFs move from DATA_DIR/packages into the database (%s)',
  (kind) => {
    it(
      'the first start imports them, checked; every document still downloads',
      { timeout: 120_000 },
      async () => {
        const files = await Promise.all(FILES.map((f) => readFile(join(CORPUS, f))));
        const dataDir = await mkdtemp(join(tmpdir(), 'hdnd-adopt-'));
        const folder = join(dataDir, 'packages');
        await mkdir(folder);
        for (const bytes of files) await writeFile(join(folder, `${sha(bytes)}.pdf`), bytes);
        // A file that is not what its name says is left out, and said so.
        const liar = `${'0'.repeat(64)}.pdf`;
        await writeFile(join(folder, liar), files[1]!);

        let pgDb: TestDb | undefined;
        let packageId: string;
        if (kind === 'postgres') {
          pgDb = await openTestDb('postgres', { max: 2 });
          packageId = await seedOlderVersion(pgDb, files);
        } else {
          const seedDb = await openPglite(join(dataDir, 'pglite'));
          await migrate(seedDb);
          packageId = await seedOlderVersion(seedDb, files);
          await seedDb.close();
        }
        const env = {
          port: PORT + (kind === 'pglite' ? 1 : 0),
          livekit: inject('livekit'),
          ...(pgDb ? { databaseUrl: urlWithSchema(TEST_DATABASE_URL, pgDb.schema!) } : {}),
        };
        let server = await startMain({ ...env, dataDir });
        const emptyDir = await mkdtemp(join(tmpdir(), 'hdnd-adopt-empty-'));
        try {
          expect(server.output()).toContain('moved 2 PDF files');
          expect(server.output()).toContain(liar);
          for (const bytes of files) {
            const got = await download(server, packageId, sha(bytes));
            expect([got.status, sha(got.bytes)]).toEqual([200, sha(bytes)]);
          }
          await server.stop();
          // The bytes now live in the database: PGlite without the folder, PostgreSQL through an
          // instance that never had it. Nothing more is imported.
          if (kind === 'pglite') await rm(folder, { recursive: true });
          server = await startMain({ ...env, dataDir: kind === 'pglite' ? dataDir : emptyDir });
          expect(server.output()).not.toContain('moved');
          for (const bytes of files) {
            const got = await download(server, packageId, sha(bytes));
            expect([got.status, sha(got.bytes)]).toEqual([200, sha(bytes)]);
          }
        } finally {
          await server.stop();
          await pgDb?.destroy();
          await rm(dataDir, { recursive: true, force: true });
          await rm(emptyDir, { recursive: true, force: true });
        }
      },
    );
  },
);
