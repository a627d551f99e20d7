// Keeping a subscribed session package in the briefcase: the subscription lives in `settings`
// (key `package:<origin>/<id>`), the package's meeting (phiên họp) filed as a briefcase session
// (kỳ họp) in `sessions` (with its agenda and the package link; `sessionOfMeeting`). Applying a manifest downloads each document's current version through the import
// pipeline (documents, files, pages; source 'package'), and when a document has a new version,
// moves the delegate's annotations onto it by their quoted text; the old version stays readable.
// Every run that writes a subscription holds that package's lock (./lock.ts) and starts from the
// stored copy, so the package page and the background update never download the same thing twice
// nor overwrite each other's progress.
import type { PackageManifest } from '../../shared/packages';
import type { BriefcaseDb, Session } from '../db/db';
import { moveAnnotations } from '../annotations/store';
import { importPdf, sha256Hex, type ImportDeps } from '../import/importer';
import { diffManifests, type PackageChange } from './changes';
import { downloadFile, fetchManifest, type PackageAddress } from './client';
import { packageLockName, withLock } from './lock';
import { carryAnnotations, type CarryResult, type Unplaced } from './reanchor';

export const SETTINGS_PREFIX = 'package:';

export interface UpdateReport {
  at: number;
  changes: PackageChange[];
  /**
   * Annotations that could not be placed on a new version, per document title (kind, text, draft
   * comment and old page are absent from reports stored before they were kept).
   */
  unplaced: ({ title: string; quote: string; annotationId: string } & Partial<
    Omit<Unplaced, 'id' | 'quote'>
  >)[];
  /** Downloaded in the background and not yet shown to the delegate (the badge counts these). */
  unseen?: boolean;
}

export interface PackageSubscription extends PackageAddress {
  key: string;
  /** The package link without any credential. */
  link: string;
  readerToken: string | null;
  title: string;
  /** The briefcase session its documents are filed under: the id of the package's meeting. */
  sessionId: string;
  etag: string | null;
  /** The manifest whose documents are all in the briefcase. */
  applied: PackageManifest | null;
  /** A newer manifest found by a background check, not yet downloaded. */
  pending: PackageManifest | null;
  pendingEtag: string | null;
  /** Briefcase document id of each downloaded version: `<packageDocId>@<number>` → doc id. */
  versions: Record<string, string>;
  reports: UpdateReport[];
  checkedAt: number | null;
  error: string | null;
}

export const subscriptionKey = (a: PackageAddress) =>
  `${SETTINGS_PREFIX}${a.origin}/${a.packageId}`;

export async function listSubscriptions(db: BriefcaseDb): Promise<PackageSubscription[]> {
  const rows = await db.settings.where('key').startsWith(SETTINGS_PREFIX).toArray();
  return rows.map((r) => r.value as PackageSubscription);
}

export async function saveSubscription(db: BriefcaseDb, s: PackageSubscription): Promise<void> {
  await db.settings.put({ key: s.key, value: s });
}

export async function loadSubscription(
  db: BriefcaseDb,
  key: string,
): Promise<PackageSubscription | undefined> {
  return (await db.settings.get(key))?.value as PackageSubscription | undefined;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Stores a failed check or download on the stored subscription (call while holding its lock). */
export async function recordError(db: BriefcaseDb, key: string, err: unknown): Promise<void> {
  const stored = await loadSubscription(db, key);
  if (stored) await saveSubscription(db, { ...stored, error: message(err) });
}

/** Runs `fn` on the stored copy of a subscription while holding that package's lock. */
export function withSubscription<T>(
  db: BriefcaseDb,
  sub: PackageSubscription,
  fn: (stored: PackageSubscription) => Promise<T>,
): Promise<T> {
  return withLock(packageLockName(sub.key), async () =>
    fn((await loadSubscription(db, sub.key)) ?? sub),
  );
}

export function newSubscription(
  a: PackageAddress & { readerToken: string | null },
): PackageSubscription {
  return {
    ...a,
    key: subscriptionKey(a),
    link: `${a.origin}/p/${a.packageId}`,
    readerToken: a.readerToken,
    title: '',
    sessionId: '',
    etag: null,
    applied: null,
    pending: null,
    pendingEtag: null,
    versions: {},
    reports: [],
    checkedAt: null,
    error: null,
  };
}

export interface SyncProgress {
  /** Index of the document being downloaded and how many there are. */
  done: number;
  total: number;
  title: string;
  fraction: number;
}

export interface SyncDeps {
  db: BriefcaseDb;
  importDeps: Omit<ImportDeps, 'db' | 'onProgress'>;
  fetch?: typeof fetch;
  now?: () => number;
  onProgress?: (p: SyncProgress) => void;
  /** Nobody is watching (the background update): reports stay marked unseen for the badge. */
  unattended?: boolean;
}

/** Checks the server for a newer manifest (cheap: 304 when unchanged); records it as pending. */
export async function checkForUpdate(
  db: BriefcaseDb,
  sub: PackageSubscription,
  fetchFn: typeof fetch = fetch,
  now = Date.now(),
): Promise<PackageSubscription> {
  const etag = sub.pendingEtag ?? sub.etag;
  const result = await fetchManifest(sub, sub.readerToken, etag, fetchFn);
  const next: PackageSubscription = { ...sub, checkedAt: now, error: null };
  if (result.status === 'changed') {
    next.pending = result.manifest;
    next.pendingEtag = result.etag;
  }
  await saveSubscription(db, next);
  return next;
}

/** Changes waiting to be downloaded for a subscription. */
export const pendingChanges = (s: PackageSubscription): PackageChange[] =>
  s.pending ? diffManifests(s.applied, s.pending) : [];

/**
 * The briefcase session (kỳ họp) a package's documents are filed under: the package belongs to one
 * meeting (phiên họp) on the server, whose id, title, council and agenda it takes.
 */
export function sessionOfMeeting(manifest: PackageManifest, packageUrl: string): Session {
  const { meeting } = manifest;
  return {
    id: meeting.id,
    title: `${meeting.title} — ${meeting.councilName}`,
    agenda: manifest.agenda.map((a) => ({ id: a.id, title: a.title, position: a.position })),
    packageUrl,
  };
}

/**
 * Downloads whatever the pending (or given) manifest has that the briefcase lacks, carries
 * annotations onto new versions, and records the update. Safe to run again after a failure:
 * versions already downloaded are kept.
 */
export async function applyManifest(
  deps: SyncDeps,
  subIn: PackageSubscription,
  manifest: PackageManifest,
  etag: string | null,
): Promise<{ sub: PackageSubscription; report: UpdateReport }> {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const sub: PackageSubscription = { ...subIn, versions: { ...subIn.versions } };
  sub.title = manifest.title;
  const session = sessionOfMeeting(manifest, sub.link);
  sub.sessionId = session.id;
  await db.sessions.put(session);

  const changes = diffManifests(sub.applied, manifest);
  const report: UpdateReport = {
    at: now(),
    changes,
    unplaced: [],
    ...(deps.unattended ? { unseen: true } : {}),
  };
  const todo = manifest.documents.filter((d) => !sub.versions[`${d.id}@${d.current}`]);
  for (const [i, d] of todo.entries()) {
    const version = d.versions.find((v) => v.number === d.current)!;
    const progress = (fraction: number) =>
      deps.onProgress?.({ done: i, total: todo.length, title: d.title, fraction });
    progress(0);
    const docId = await fetchVersion(deps, sub, manifest, d, version, progress);
    await db.documents.update(docId, {
      title: d.title,
      sessionId: session.id,
      ...(d.agendaItemId ? { agendaItemId: d.agendaItemId } : {}),
      source: { kind: 'package', url: sub.link },
    });
    // The previous version this briefcase holds, if any: carry the annotations over.
    const older = [...d.versions]
      .reverse()
      .find((v) => v.number < d.current && sub.versions[`${d.id}@${v.number}`]);
    const oldDocId = older && sub.versions[`${d.id}@${older.number}`];
    // (A new version with the very same bytes is the same briefcase document: nothing to carry.)
    if (older && oldDocId && oldDocId !== docId) {
      const carried = await carryOnto(db, oldDocId, docId, now());
      for (const { id, ...u } of carried.unplaced)
        report.unplaced.push({ title: d.title, annotationId: id, ...u });
      await db.documents.update(oldDocId, {
        title: `${d.title} (bản ${older.number}, cũ)`,
        replacedBy: docId,
      });
    }
    sub.versions[`${d.id}@${d.current}`] = docId;
    progress(1);
  }
  sub.applied = manifest;
  sub.etag = etag;
  sub.pending = null;
  sub.pendingEtag = null;
  sub.error = null;
  if (changes.length) sub.reports = [report, ...sub.reports].slice(0, 20);
  await saveSubscription(db, sub);
  return { sub, report };
}

/**
 * The briefcase document holding one version: the one already stored with the same SHA-256 (no
 * download), or the file downloaded, checked against the manifest's SHA-256 and imported.
 */
async function fetchVersion(
  deps: SyncDeps,
  sub: PackageSubscription,
  manifest: PackageManifest,
  d: PackageManifest['documents'][number],
  version: PackageManifest['documents'][number]['versions'][number],
  progress: (fraction: number) => void,
): Promise<string> {
  const { db } = deps;
  const known = await db.documents.where('sha256').equals(version.sha256).first();
  if (known) return known.id;
  const bytes = await downloadFile(
    sub,
    sub.readerToken,
    version.path,
    (got, total) => progress(0.6 * (got / Math.max(1, total))),
    deps.fetch,
  );
  if ((await sha256Hex(bytes)) !== version.sha256) {
    throw new Error(
      `Tệp “${d.title}” tải về không khớp mã SHA-256 của bộ tài liệu (tải dở?); sẽ tải lại lần sau. / ` +
        `The downloaded file of “${d.title}” does not match the package’s SHA-256 (cut short?); it will be downloaded again.`,
    );
  }
  const outcome = await importPdf(
    {
      fileName: version.fileName,
      bytes,
      source: { kind: 'package', url: sub.link },
      sessionId: sub.sessionId,
      ...(d.agendaItemId ? { agendaItemId: d.agendaItemId } : {}),
    },
    { ...deps.importDeps, db, onProgress: (p) => progress(0.6 + 0.4 * p.fraction) },
  );
  if (outcome.status === 'failed') throw new Error(`${outcome.message.vi} / ${outcome.message.en}`);
  return outcome.doc.id;
}

async function carryOnto(
  db: BriefcaseDb,
  oldDocId: string,
  newDocId: string,
  now: number,
): Promise<CarryResult> {
  const annotations = await db.annotations.where('docId').equals(oldDocId).toArray();
  const textOf = async (docId: string) =>
    (await db.pages.where('docId').equals(docId).sortBy('pageIndex')).map((p) => p.text);
  const result = carryAnnotations(
    annotations,
    newDocId,
    await textOf(newDocId),
    now,
    await textOf(oldDocId),
  );
  await moveAnnotations(db, result.carried);
  return result;
}

/**
 * Checks a package and downloads what changed (the first full sync too), holding its lock and
 * starting from the stored subscription; a failure is stored on it, then thrown.
 */
export async function syncNow(
  deps: SyncDeps,
  sub: PackageSubscription,
): Promise<{ sub: PackageSubscription; report: UpdateReport }> {
  return withSubscription(deps.db, sub, async (stored) => {
    try {
      const checked = await checkForUpdate(deps.db, stored, deps.fetch, (deps.now ?? Date.now)());
      if (!checked.pending) {
        return { sub: checked, report: { at: checked.checkedAt ?? 0, changes: [], unplaced: [] } };
      }
      return await applyManifest(deps, checked, checked.pending, checked.pendingEtag);
    } catch (err) {
      await recordError(deps.db, sub.key, err);
      throw err;
    }
  });
}

export interface PendingResult {
  updated: { key: string; title: string; changes: number; unplaced: number }[];
  failed: { key: string; title: string; error: string }[];
}

/**
 * The background update: downloads every manifest a check found newer (no new request for the
 * manifest), one package at a time under its lock. A package the page updated meanwhile is
 * skipped; a failure is stored on its subscription and the others still run.
 */
export async function syncPending(deps: SyncDeps): Promise<PendingResult> {
  const result: PendingResult = { updated: [], failed: [] };
  for (const listed of await listSubscriptions(deps.db)) {
    if (!listed.pending) continue;
    await withSubscription(deps.db, listed, async (sub) => {
      if (!sub.pending) return;
      try {
        const { report } = await applyManifest(
          { ...deps, unattended: true },
          sub,
          sub.pending,
          sub.pendingEtag,
        );
        result.updated.push({
          key: sub.key,
          title: sub.pending.title,
          changes: report.changes.length,
          unplaced: report.unplaced.length,
        });
      } catch (err) {
        await recordError(deps.db, sub.key, err);
        result.failed.push({ key: sub.key, title: sub.title || sub.link, error: message(err) });
      }
    });
  }
  return result;
}

/** The delegate has seen the package page: background reports no longer count on the badge. */
export async function markReportsSeen(db: BriefcaseDb): Promise<void> {
  for (const listed of await listSubscriptions(db)) {
    if (!listed.reports.some((r) => r.unseen)) continue;
    await withSubscription(db, listed, (sub) =>
      saveSubscription(db, {
        ...sub,
        reports: sub.reports.map(({ unseen: _unseen, ...r }) => r),
      }),
    );
  }
}
