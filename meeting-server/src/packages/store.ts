// Persistence of session packages: packages, their documents (order, agenda item) and every
// version of each document; and the manifest built from them.
import { randomUUID } from 'node:crypto';
import type { PackageDocument, PackageManifest, PackageVisibility } from '../../../shared/packages';
import type { Queryable } from '../db/database';
import { agendaOf, findMeeting } from '../meetings/store';

export interface PackageRow {
  id: string;
  meeting_id: string;
  title: string;
  visibility: PackageVisibility;
  published_at: Date | null;
  revision: number;
  created_at: Date;
}

interface DocumentRow {
  id: string;
  title: string;
  agenda_item_id: string | null;
  position: number;
}

interface VersionRow {
  document_id: string;
  number: number;
  sha256: string;
  size: string | number;
  file_name: string;
  reason: string | null;
  created_at: Date;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export async function createPackage(
  db: Queryable,
  p: { meetingId: string; title: string; visibility: PackageVisibility },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    'INSERT INTO packages (id, meeting_id, title, visibility) VALUES ($1, $2, $3, $4)',
    [id, p.meetingId, p.title, p.visibility],
  );
  return id;
}

export async function findPackage(db: Queryable, id: string): Promise<PackageRow | undefined> {
  const rows = await db.query<PackageRow>('SELECT * FROM packages WHERE id = $1', [id]);
  return rows[0];
}

export async function listPackages(db: Queryable, meetingId: string): Promise<PackageRow[]> {
  return db.query<PackageRow>(
    'SELECT * FROM packages WHERE meeting_id = $1 ORDER BY created_at, id',
    [meetingId],
  );
}

/** A change visible to subscribers: bump the revision of a published package. */
export async function touch(db: Queryable, packageId: string): Promise<void> {
  await db.query(
    'UPDATE packages SET revision = revision + 1 WHERE id = $1 AND published_at IS NOT NULL',
    [packageId],
  );
}

export async function updatePackage(
  db: Queryable,
  id: string,
  p: { title?: string; visibility?: PackageVisibility },
): Promise<void> {
  await db.query(
    `UPDATE packages SET title = COALESCE($2, title), visibility = COALESCE($3, visibility)
      WHERE id = $1`,
    [id, p.title ?? null, p.visibility ?? null],
  );
  await touch(db, id);
}

export async function publishPackage(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE packages SET published_at = COALESCE(published_at, $2), revision = revision + 1
      WHERE id = $1`,
    [id, at],
  );
}

export async function agendaItemOfMeeting(
  db: Queryable,
  meetingId: string,
  agendaItemId: string,
): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2', [
    agendaItemId,
    meetingId,
  ]);
  return rows.length > 0;
}

export async function addDocument(
  db: Queryable,
  d: {
    packageId: string;
    title: string;
    agendaItemId: string | null;
    sha256: string;
    size: number;
    fileName: string;
    createdBy: string;
    at: Date;
  },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO package_documents (id, package_id, title, agenda_item_id, position, created_at)
     VALUES ($1, $2, $3, $4,
             (SELECT COALESCE(MAX(position), 0) + 1 FROM package_documents WHERE package_id = $2), $5)`,
    [id, d.packageId, d.title, d.agendaItemId, d.at],
  );
  await db.query(
    `INSERT INTO package_versions (document_id, number, sha256, size, file_name, reason, created_by, created_at)
     VALUES ($1, 1, $2, $3, $4, NULL, $5, $6)`,
    [id, d.sha256, d.size, d.fileName, d.createdBy, d.at],
  );
  await touch(db, d.packageId);
  return id;
}

export async function documentOfPackage(
  db: Queryable,
  packageId: string,
  documentId: string,
): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM package_documents WHERE id = $1 AND package_id = $2', [
    documentId,
    packageId,
  ]);
  return rows.length > 0;
}

/** Adds a new version (the next number) of a document; returns its number. */
export async function addVersion(
  db: Queryable,
  v: {
    packageId: string;
    documentId: string;
    sha256: string;
    size: number;
    fileName: string;
    reason: string;
    createdBy: string;
    at: Date;
  },
): Promise<number> {
  const rows = await db.query<{ number: number }>(
    `INSERT INTO package_versions (document_id, number, sha256, size, file_name, reason, created_by, created_at)
     VALUES ($1, (SELECT MAX(number) + 1 FROM package_versions WHERE document_id = $1),
             $2, $3, $4, $5, $6, $7)
     RETURNING number`,
    [v.documentId, v.sha256, v.size, v.fileName, v.reason, v.createdBy, v.at],
  );
  await touch(db, v.packageId);
  return Number(rows[0]!.number);
}

export async function currentSha(db: Queryable, documentId: string): Promise<string | undefined> {
  const rows = await db.query<{ sha256: string }>(
    'SELECT sha256 FROM package_versions WHERE document_id = $1 ORDER BY number DESC LIMIT 1',
    [documentId],
  );
  return rows[0]?.sha256;
}

/** Sets order and agenda items; `ids` must be exactly the package's documents. */
export async function orderDocuments(
  db: Queryable,
  packageId: string,
  docs: { id: string; agendaItemId: string | null }[],
): Promise<void> {
  // Positions are not unique in the schema, so they can be rewritten in place.
  for (const [i, d] of docs.entries()) {
    await db.query(
      'UPDATE package_documents SET position = $3, agenda_item_id = $4 WHERE id = $1 AND package_id = $2',
      [d.id, packageId, i + 1, d.agendaItemId],
    );
  }
  await touch(db, packageId);
}

export async function documentIds(db: Queryable, packageId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM package_documents WHERE package_id = $1',
    [packageId],
  );
  return rows.map((r) => r.id);
}

/** Whether a file with this hash is a version of some document of the package. */
export async function packageHasFile(
  db: Queryable,
  packageId: string,
  sha256: string,
): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM package_versions v JOIN package_documents d ON d.id = v.document_id
      WHERE d.package_id = $1 AND v.sha256 = $2 LIMIT 1`,
    [packageId, sha256],
  );
  return rows.length > 0;
}

export function packageSummary(p: PackageRow) {
  return {
    id: p.id,
    title: p.title,
    visibility: p.visibility,
    publishedAt: p.published_at ? iso(p.published_at) : null,
    revision: Number(p.revision),
  };
}

/** The full manifest: meeting, agenda, documents in order with every version. */
export async function manifestOf(db: Queryable, p: PackageRow): Promise<PackageManifest> {
  const meeting = (await findMeeting(db, p.meeting_id))!;
  const agenda = await agendaOf(db, p.meeting_id);
  const docs = await db.query<DocumentRow>(
    `SELECT id, title, agenda_item_id, position FROM package_documents
      WHERE package_id = $1 ORDER BY position, created_at, id`,
    [p.id],
  );
  const versions = await db.query<VersionRow>(
    `SELECT v.document_id, v.number, v.sha256, v.size, v.file_name, v.reason, v.created_at
       FROM package_versions v JOIN package_documents d ON d.id = v.document_id
      WHERE d.package_id = $1 ORDER BY v.document_id, v.number`,
    [p.id],
  );
  const byDoc = new Map<string, VersionRow[]>();
  for (const v of versions) byDoc.set(v.document_id, [...(byDoc.get(v.document_id) ?? []), v]);
  const documents: PackageDocument[] = docs.map((d) => {
    const vs = byDoc.get(d.id) ?? [];
    return {
      id: d.id,
      title: d.title,
      agendaItemId: d.agenda_item_id,
      position: Number(d.position),
      current: Math.max(...vs.map((v) => Number(v.number))),
      versions: vs.map((v) => ({
        number: Number(v.number),
        sha256: v.sha256,
        size: Number(v.size),
        fileName: v.file_name,
        reason: v.reason,
        createdAt: iso(v.created_at),
        path: `files/${v.sha256}`,
      })),
    };
  });
  return {
    ...packageSummary(p),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: iso(meeting.starts_at),
      councilName: meeting.council_name,
    },
    agenda: agenda.map((a) => ({ id: a.id, position: Number(a.position), title: a.title })),
    documents,
  };
}

/** Counts one download of a file of the package by a delegate's invitation. */
export async function recordDownload(
  db: Queryable,
  d: { packageId: string; invitationId: string; sha256: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO package_downloads (package_id, invitation_id, sha256, first_at, last_at)
     VALUES ($1, $2, $3, $4, $4)
     ON CONFLICT (package_id, invitation_id, sha256)
     DO UPDATE SET last_at = EXCLUDED.last_at, times = package_downloads.times + 1`,
    [d.packageId, d.invitationId, d.sha256, d.at],
  );
}

interface DownloadRow {
  invitation_id: string;
  document_id: string;
  number: number;
  first_at: Date;
  last_at: Date;
  times: number;
}

/** Every recorded download of the package as (invitation, document, version), oldest first. */
export async function downloadsOf(db: Queryable, packageId: string) {
  const rows = await db.query<DownloadRow>(
    `SELECT dl.invitation_id, v.document_id, v.number, dl.first_at, dl.last_at, dl.times
       FROM package_downloads dl
       JOIN package_versions v ON v.sha256 = dl.sha256
       JOIN package_documents d ON d.id = v.document_id AND d.package_id = dl.package_id
      WHERE dl.package_id = $1
      ORDER BY dl.first_at, v.document_id, v.number`,
    [packageId],
  );
  return rows.map((r) => ({
    invitationId: r.invitation_id,
    documentId: r.document_id,
    version: Number(r.number),
    firstAt: iso(r.first_at),
    lastAt: iso(r.last_at),
    times: Number(r.times),
  }));
}
