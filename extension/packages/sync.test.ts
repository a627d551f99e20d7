// Keeping a package up to date with nobody watching, on real PDFs (pdf.js) and a real briefcase
// database (fake-indexeddb): the background run downloads a new version and moves the delegate's
// highlights onto it by their words, lists the one it cannot place, keeps the old version; a page
// update at the same moment does not import anything twice; a download cut short is refused by
// its SHA-256 and retried.
import { beforeEach, describe, expect, test } from 'vitest';
import { describeRange } from '../annotations/anchoring';
import type { Annotation, BriefcaseDb } from '../db/db';
import { freshDb, nodePdfJs } from '../testing/corpus';
import {
  DECREE_LINES,
  FakePackageServer,
  LINES_PER_PAGE,
  draftPdf,
} from '../testing/package-server';
import {
  checkForUpdate,
  listSubscriptions,
  markReportsSeen,
  newSubscription,
  syncNow,
  syncPending,
  type PackageSubscription,
  type SyncDeps,
} from './sync';

const TITLE = 'Dự thảo nghị quyết';
const PASSAGE = 'quy định nguyên tắc, tiêu chí, thẩm quyền';
const GONE = 'Theo đề nghị của Bộ trưởng Bộ Nội vụ;';
const RECITAL = 'Căn cứ ý kiến thẩm tra của Ban Kinh tế - Xã hội Hội đồng nhân dân xã;';
const REASON = 'Bổ sung căn cứ thẩm tra';
const V1_LINES = DECREE_LINES.slice(0, 60);
/** Version 2: 30 recital lines push the passage to page 2, and one line is deleted. */
const V2_LINES = [...Array.from({ length: 30 }, () => RECITAL), ...V1_LINES].filter(
  (l) => l !== GONE,
);

let db: BriefcaseDb;
let server: FakePackageServer;
let deps: SyncDeps;
let docId: string;

async function highlight(onDoc: string, exact: string): Promise<Annotation> {
  for (const page of await db.pages.where('docId').equals(onDoc).sortBy('pageIndex')) {
    const start = page.text.indexOf(exact);
    if (start < 0) continue;
    const a: Annotation = {
      id: `a-${exact.slice(0, 12)}`,
      docId: onDoc,
      kind: 'highlight',
      color: 'yellow',
      draftComment: false,
      target: {
        pageIndex: page.pageIndex,
        rects: [],
        ...describeRange(page.text, start, start + exact.length),
      },
      createdAt: 1,
      updatedAt: 1,
    };
    await db.annotations.add(a);
    return a;
  }
  throw new Error(`fixture: “${exact}” is not in the document`);
}

const stored = async () => (await listSubscriptions(db))[0]!;
const filesFetched = () => server.requests.filter((p) => p.startsWith('files/')).length;

beforeEach(async () => {
  db = freshDb();
  server = new FakePackageServer();
  deps = { db, importDeps: { pdfjs: await nodePdfJs() }, fetch: server.fetch };
  const docKey = server.addDocument(TITLE, await draftPdf(V1_LINES));
  const { sub } = await syncNow(deps, newSubscription(server.address));
  docId = sub.versions[`${docKey}@1`]!;
});

describe('the background update (syncPending)', () => {
  test('downloads the new version, carries highlights by their words, lists the unplaced, keeps the old', async () => {
    const moved = await highlight(docId, PASSAGE);
    const lost = await highlight(docId, GONE);
    expect(moved.target.pageIndex).toBe(0);
    server.replace('doc-1', await draftPdf(V2_LINES), REASON);

    await checkForUpdate(db, await stored(), server.fetch);
    expect((await stored()).pending?.documents[0]!.current).toBe(2);
    const result = await syncPending(deps);

    expect(result.failed).toEqual([]);
    expect(result.updated).toEqual([
      expect.objectContaining({ title: 'Tài liệu kỳ họp thứ ba', changes: 1, unplaced: 1 }),
    ]);
    const sub = await stored();
    expect(sub.pending).toBeNull();
    const newId = sub.versions['doc-1@2']!;
    expect(newId).not.toBe(docId);
    const [report] = sub.reports;
    expect(report).toMatchObject({
      unseen: true,
      changes: [{ kind: 'version', title: TITLE, from: 1, to: 2, reason: REASON }],
      unplaced: [{ title: TITLE, quote: GONE, annotationId: lost.id, pageIndex: 0 }],
    });
    const carried = await db.annotations.get(moved.id);
    expect(carried).toMatchObject({ docId: newId, orphaned: false });
    expect(carried!.target.pageIndex).toBe(1);
    // The unplaced one is kept (orphaned), never dropped.
    expect(await db.annotations.get(lost.id)).toMatchObject({
      docId: newId,
      orphaned: true,
      from: { docId, pageIndex: 0 },
    });
    // The old version is still in the briefcase, readable, named as the old one.
    expect(await db.documents.get(docId)).toMatchObject({ title: `${TITLE} (bản 1, cũ)` });
    expect(await db.pages.where('docId').equals(docId).count()).toBe(
      Math.ceil(V1_LINES.length / LINES_PER_PAGE),
    );
    expect(await db.documents.get(newId)).toMatchObject({
      title: TITLE,
      pageCount: Math.ceil(V2_LINES.length / LINES_PER_PAGE),
    });
  });

  test('a page update racing the background update imports each version once', async () => {
    await highlight(docId, PASSAGE);
    const v2Sha = server.replace('doc-1', await draftPdf(V2_LINES), REASON);
    await checkForUpdate(db, await stored(), server.fetch);
    const stalePageCopy: PackageSubscription = await stored();
    const before = filesFetched();

    await Promise.all([syncPending(deps), syncNow(deps, stalePageCopy)]);

    expect(filesFetched() - before).toBe(1);
    expect(await db.documents.where('sha256').equals(v2Sha).count()).toBe(1);
    expect(await db.documents.count()).toBe(2);
    const sub = await stored();
    expect(sub.reports.filter((r) => r.changes.some((c) => c.kind === 'version'))).toHaveLength(1);
    expect(await db.annotations.where('docId').equals(sub.versions['doc-1@2']!).count()).toBe(1);
  });

  test('a download cut short fails its SHA-256 check: nothing imported, kept pending, retried', async () => {
    const v2Sha = server.replace('doc-1', await draftPdf(V2_LINES), REASON);
    server.cutShort.add(v2Sha);
    await checkForUpdate(db, await stored(), server.fetch);

    const failed = await syncPending(deps);
    expect(failed.updated).toEqual([]);
    expect(failed.failed[0]!.error).toContain('SHA-256');
    expect(await db.documents.count()).toBe(1);
    expect((await stored()).pending).not.toBeNull();
    expect((await stored()).error).toContain('SHA-256');

    server.cutShort.clear();
    const retried = await syncPending(deps);
    expect(retried.failed).toEqual([]);
    expect((await stored()).versions['doc-1@2']).toBeDefined();
    expect((await stored()).error).toBeNull();
  });

  test('offline, the check fails and stores why; nothing pending, nothing downloaded', async () => {
    server.replace('doc-1', await draftPdf(V2_LINES), REASON);
    server.offline = true;
    await expect(syncNow(deps, await stored())).rejects.toThrow('Failed to fetch');
    expect((await stored()).error).toBe('Failed to fetch');
    expect(await syncPending(deps)).toEqual({ updated: [], failed: [] });
  });

  test('once the delegate has seen the package page, reports no longer count as new', async () => {
    server.replace('doc-1', await draftPdf(V2_LINES), REASON);
    await checkForUpdate(db, await stored(), server.fetch);
    await syncPending(deps);
    expect((await stored()).reports[0]!.unseen).toBe(true);
    await markReportsSeen(db);
    expect((await stored()).reports.some((r) => r.unseen)).toBe(false);
    expect((await stored()).versions['doc-1@2']).toBeDefined();
  });
});
