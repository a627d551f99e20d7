// Keeping a subscribed session package in the briefcase: the subscription lives in `settings`
// (key `package:<origin>/<id>`), the package's meeting in `sessions` (with its agenda and the
// package link). Applying a manifest downloads each document's current version through the import
// pipeline (documents, files, pages; source 'package'), and when a document has a new version,
// moves the delegate's annotations onto it by their quoted text; the old version stays readable.
import type { PackageManifest } from '../../shared/packages';
import type { BriefcaseDb } from '../db/db';
import { importPdf, type ImportDeps } from '../import/importer';
import { diffManifests, type PackageChange } from './changes';
import { downloadFile, fetchManifest, type PackageAddress } from './client';
import { carryAnnotations, type CarryResult } from './reanchor';

export const SETTINGS_PREFIX = 'package:';

export interface UpdateReport {
  at: number;
  changes: PackageChange[];
  /** Annotations that could not be placed on a new version, per document title. */
  unplaced: { title: string; quote: string; annotationId: string }[];
}

export interface PackageSubscription extends PackageAddress {
  key: string;
  /** The package link without any credential. */
  link: string;
  readerToken: string | null;
  title: string;
  /** The briefcase session (the package's meeting). */
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
  sub.sessionId = manifest.meeting.id;
  await db.sessions.put({
    id: manifest.meeting.id,
    title: `${manifest.meeting.title} — ${manifest.meeting.councilName}`,
    agenda: manifest.agenda.map((a) => ({ id: a.id, title: a.title, position: a.position })),
    packageUrl: sub.link,
  });

  const changes = diffManifests(sub.applied, manifest);
  const report: UpdateReport = { at: now(), changes, unplaced: [] };
  const todo = manifest.documents.filter((d) => !sub.versions[`${d.id}@${d.current}`]);
  for (const [i, d] of todo.entries()) {
    const version = d.versions.find((v) => v.number === d.current)!;
    const progress = (fraction: number) =>
      deps.onProgress?.({ done: i, total: todo.length, title: d.title, fraction });
    progress(0);
    const bytes = await downloadFile(
      sub,
      sub.readerToken,
      version.path,
      (got, total) => progress(0.6 * (got / Math.max(1, total))),
      deps.fetch,
    );
    const outcome = await importPdf(
      {
        fileName: version.fileName,
        bytes,
        source: { kind: 'package', url: sub.link },
        sessionId: manifest.meeting.id,
        ...(d.agendaItemId ? { agendaItemId: d.agendaItemId } : {}),
      },
      { ...deps.importDeps, db, onProgress: (p) => progress(0.6 + 0.4 * p.fraction) },
    );
    if (outcome.status === 'failed') throw new Error(outcome.message.en);
    const docId = outcome.doc.id;
    await db.documents.update(docId, {
      title: d.title,
      sessionId: manifest.meeting.id,
      ...(d.agendaItemId ? { agendaItemId: d.agendaItemId } : {}),
      source: { kind: 'package', url: sub.link },
    });
    // The previous version this briefcase holds, if any: carry the annotations over.
    const older = [...d.versions]
      .reverse()
      .find((v) => v.number < d.current && sub.versions[`${d.id}@${v.number}`]);
    if (older) {
      const oldDocId = sub.versions[`${d.id}@${older.number}`]!;
      const carried = await carryOnto(db, oldDocId, docId, now());
      for (const u of carried.unplaced)
        report.unplaced.push({ title: d.title, quote: u.quote, annotationId: u.id });
      await db.documents.update(oldDocId, { title: `${d.title} (bản ${older.number}, cũ)` });
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

async function carryOnto(
  db: BriefcaseDb,
  oldDocId: string,
  newDocId: string,
  now: number,
): Promise<CarryResult> {
  const annotations = await db.annotations.where('docId').equals(oldDocId).toArray();
  const pages = (await db.pages.where('docId').equals(newDocId).sortBy('pageIndex')).map(
    (p) => p.text,
  );
  const result = carryAnnotations(annotations, newDocId, pages, now);
  await db.transaction('rw', db.annotations, async () => {
    for (const c of result.carried) await db.annotations.update(c.id, c.patch);
  });
  return result;
}

/** Subscribes (or refreshes) a package and downloads everything: the first full sync. */
export async function syncNow(
  deps: SyncDeps,
  sub: PackageSubscription,
): Promise<{ sub: PackageSubscription; report: UpdateReport }> {
  const checked = await checkForUpdate(deps.db, sub, deps.fetch, (deps.now ?? Date.now)());
  if (!checked.pending) {
    return { sub: checked, report: { at: checked.checkedAt ?? 0, changes: [], unplaced: [] } };
  }
  return applyManifest(deps, checked, checked.pending, checked.pendingEtag);
}
