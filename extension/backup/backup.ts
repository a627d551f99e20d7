// Backup and restore of the whole briefcase in one zip file (fflate): manifest.json (counts and the
// SHA-256 of data.json and of every blob), data.json (every table's rows; Blobs, byte arrays and
// Dates tagged and kept exactly), files/<sha256> (the blobs, stored uncompressed). A restore checks
// every hash and count BEFORE it replaces anything, then swaps all tables in one transaction, so a
// damaged backup changes nothing. The search index is derived data and is not backed up.
import type { Table } from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from '../../shared/zod';
import { newRev, type BriefcaseDb } from '../db/db';
import { bilingual, type Bilingual, type MessageKey } from '../base/i18n';

export const BACKUP_FORMAT = 'hdnd-briefcase-backup';
export const BACKUP_VERSION = 1;

const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  schemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  data: z.object({
    path: z.literal('data.json'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number(),
  }),
  blobs: z.array(
    z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      path: z.string(),
      size: z.number().int().nonnegative(),
    }),
  ),
});
export type BackupManifest = z.infer<typeof ManifestSchema>;

export type BackupErrorCode =
  'notZip' | 'noManifest' | 'newer' | 'missing' | 'hash' | 'content' | 'storage';

/** A refused restore. Nothing in the briefcase was changed when this is thrown. */
export class BackupError extends Error {
  /** What to tell the delegate, in both languages. */
  readonly bilingual: Bilingual;
  constructor(
    readonly code: BackupErrorCode,
    params: Record<string, string | number> = {},
  ) {
    super(bilingual(`backup.error.${code}` as MessageKey, params).en);
    this.name = 'BackupError';
    this.bilingual = bilingual(`backup.error.${code}` as MessageKey, params);
  }
}

export interface BackupFile {
  bytes: Uint8Array;
  manifest: BackupManifest;
  fileName: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const blobPath = (sha: string) => `files/${sha}`;

/** Replaces Blobs, byte arrays and Dates by tags, collecting the bytes by SHA-256. */
async function encodeValue(value: unknown, blobs: Map<string, Uint8Array>): Promise<unknown> {
  const keep = async (bytes: Uint8Array) => {
    const sha = await sha256Hex(bytes);
    blobs.set(sha, bytes);
    return sha;
  };
  if (value instanceof Blob) {
    return { $blob: await keep(new Uint8Array(await value.arrayBuffer())), type: value.type };
  }
  if (value instanceof Uint8Array) return { $bytes: await keep(value) };
  if (value instanceof ArrayBuffer) return { $buffer: await keep(new Uint8Array(value)) };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) out.push(await encodeValue(v, blobs));
    return out;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await encodeValue(v, blobs);
    return out;
  }
  return value;
}

function decodeValue(value: unknown, blobs: Map<string, Uint8Array>): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, blobs));
  if (!value || typeof value !== 'object') return value;
  const tag = value as Partial<Record<'$blob' | '$bytes' | '$buffer' | '$date' | 'type', unknown>>;
  const bytesOf = (sha: string) => {
    const bytes = blobs.get(sha);
    if (!bytes) throw new BackupError('missing', { file: blobPath(sha) });
    return bytes;
  };
  if (typeof tag.$blob === 'string')
    return new Blob([bytesOf(tag.$blob) as Uint8Array<ArrayBuffer>], {
      type: typeof tag.type === 'string' ? tag.type : '',
    });
  if (typeof tag.$bytes === 'string') return new Uint8Array(bytesOf(tag.$bytes));
  if (typeof tag.$buffer === 'string') return new Uint8Array(bytesOf(tag.$buffer)).buffer;
  if (typeof tag.$date === 'string') return new Date(tag.$date);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decodeValue(v, blobs);
  return out;
}

function assertInboundKeys(db: BriefcaseDb): void {
  for (const t of db.tables) {
    if (!t.schema.primKey.keyPath) throw new Error(`table ${t.name} has outbound keys`);
  }
}

/** Writes every table of the briefcase into one zip file. */
export async function createBackup(
  db: BriefcaseDb,
  now: () => Date = () => new Date(),
): Promise<BackupFile> {
  assertInboundKeys(db);
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const t of db.tables) tables[t.name] = await t.toArray();
  });
  const blobs = new Map<string, Uint8Array>();
  const encoded: Record<string, unknown> = {};
  const counts: Record<string, number> = {};
  for (const [name, rows] of Object.entries(tables)) {
    encoded[name] = await encodeValue(rows, blobs);
    counts[name] = rows.length;
  }
  const data = strToU8(JSON.stringify({ tables: encoded }));
  const created = now();
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: created.toISOString(),
    schemaVersion: db.verno,
    counts,
    data: { path: 'data.json', sha256: await sha256Hex(data), size: data.length },
    blobs: [...blobs].map(([sha256, bytes]) => ({
      sha256,
      path: blobPath(sha256),
      size: bytes.length,
    })),
  };
  const zippable: Zippable = {
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    'data.json': data,
  };
  for (const [sha, bytes] of blobs) zippable[blobPath(sha)] = [bytes, { level: 0 }];
  const bytes = zipSync(zippable, { level: 6 });
  const day = created.toISOString().slice(0, 10);
  return { bytes, manifest, fileName: `cap-tai-lieu-hdnd-${day}.zip` };
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Checks a backup completely (zip, manifest, every SHA-256, counts, tables) without writing. */
export async function verifyBackup(db: BriefcaseDb, bytes: Uint8Array): Promise<VerifiedBackup> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new BackupError('notZip');
  }
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new BackupError('noManifest');
  let manifest: BackupManifest;
  try {
    const raw = JSON.parse(strFromU8(manifestBytes)) as { schemaVersion?: unknown };
    if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > db.verno) {
      throw new BackupError('newer', { version: raw.schemaVersion });
    }
    manifest = ManifestSchema.parse(raw);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('noManifest');
  }
  const data = entries[manifest.data.path];
  if (!data) throw new BackupError('missing', { file: manifest.data.path });
  if ((await sha256Hex(data)) !== manifest.data.sha256) {
    throw new BackupError('hash', { file: manifest.data.path });
  }
  const blobs = new Map<string, Uint8Array>();
  for (const b of manifest.blobs) {
    const entry = entries[b.path];
    if (!entry) throw new BackupError('missing', { file: b.path });
    if (entry.length !== b.size || (await sha256Hex(entry)) !== b.sha256) {
      throw new BackupError('hash', { file: b.path });
    }
    blobs.set(b.sha256, entry);
  }
  let parsed: { tables?: Record<string, unknown> };
  try {
    parsed = JSON.parse(strFromU8(data)) as { tables?: Record<string, unknown> };
  } catch {
    throw new BackupError('content', { detail: 'data.json' });
  }
  const known = new Set(db.tables.map((t) => t.name));
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [name, rows] of Object.entries(parsed.tables ?? {})) {
    if (!known.has(name)) throw new BackupError('content', { detail: `table ${name}` });
    if (!Array.isArray(rows)) throw new BackupError('content', { detail: `table ${name}` });
    if (rows.length !== manifest.counts[name]) {
      throw new BackupError('content', {
        detail: `${name}: ${rows.length} ≠ ${manifest.counts[name]}`,
      });
    }
    tables[name] = decodeValue(rows, blobs) as Record<string, unknown>[];
  }
  return { manifest, tables };
}

/**
 * Replaces the whole briefcase with a verified backup, all tables in ONE transaction: if any
 * write fails, the transaction aborts and the briefcase stays as it was.
 */
export async function restoreBackup(db: BriefcaseDb, bytes: Uint8Array): Promise<BackupManifest> {
  const { manifest, tables } = await verifyBackup(db, bytes);
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables as Table<unknown, unknown>[]) {
        await t.clear();
        let rows = tables[t.name];
        // A fresh revision on every annotation and note: a page opened before the restore holds
        // revisions of records that are no longer there, so it cannot write over the restored
        // ones unseen (annotations/store.ts).
        if (rows && (t.name === 'annotations' || t.name === 'notes')) {
          rows = rows.map((r) => ({ ...(r as object), rev: newRev() }));
        }
        if (rows?.length) await t.bulkAdd(rows);
      }
    });
  } catch (error) {
    throw new BackupError('storage', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  return manifest;
}
