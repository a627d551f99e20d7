// Session packages through the HTTP API on PGlite and PostgreSQL, with real corpus PDFs: the
// secretariat uploads, orders, publishes and replaces documents; delegates subscribe with their
// invitation and read the manifest (ETag/304) and files; everyone else is refused. The PDFs are
// kept in the database; the upload folder only ever holds uploads in progress.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER } from '../../../shared/admin';
import { ApiError } from '../../../shared/errors';
import {
  PackageDownloads,
  PackageLinks,
  PackageList,
  PackageManifest,
  SubscribeResponse,
  parsePackageLink,
} from '../../../shared/packages';
import { buildFixture, ok, tokenOf, type Fixture } from '../admin/testing';
import { createApp } from '../app';
import { createLiveKit } from '../livekit/livekit';
import { CLERK, seedStaff, signIn, type StaffClient } from '../staff/testing';
import { DATABASE_KINDS, openTestDb, type TestDb } from '../testing/databases';
import { TEST_SECRET } from '../testing/server';

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/pdfs');
const pdf = (name: string) => readFile(join(CORPUS, name));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MAX_BYTES = 2 * 1024 * 1024;

// Every upload is opened with pdf.js before it is stored (pdf-check.ts): tests that publish
// several corpus PDFs take longer than the default 30 s on a loaded machine.
describe.each(DATABASE_KINDS)('session packages on %s', { timeout: 120_000 }, (kind) => {
  let db: TestDb;
  let server: Server;
  let url: string;
  let dir: string;
  let staff: StaffClient;
  let fx: Fixture;
  let files: { invitation: Buffer; decree: Buffer; handbook: Buffer };

  beforeAll(async () => {
    db = await openTestDb(kind);
    await seedStaff(db);
    dir = await mkdtemp(join(tmpdir(), 'hdnd-packages-'));
    const app = createApp({
      db,
      livekit: createLiveKit(inject('livekit')),
      secret: TEST_SECRET,
      sweepIntervalMs: 0,
      log: () => undefined,
      packageUploadDir: dir,
      packageMaxBytes: MAX_BYTES,
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    staff = await signIn(url, CLERK);
    fx = await buildFixture(url, staff);
    files = {
      invitation: await pdf('vi_giay_moi_hdnd_tuan_giao_signed.pdf'),
      decree: await pdf('vi_335_2025_ND-CP_print.pdf'),
      handbook: await pdf('vi_sotay_bo_noi_vu_2026.pdf'),
    };
  });
  afterAll(async () => {
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (
    path: string,
    query: Record<string, string>,
    body: Buffer,
    type = 'application/pdf',
  ) =>
    fetch(`${url}${path}?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: {
        cookie: staff.cookie,
        [CSRF_HEADER]: staff.session.csrfToken,
        'content-type': type,
      },
      body: new Uint8Array(body),
    });

  async function newPackage(
    visibility: 'private' | 'public' = 'private',
    meetingId = fx.sitting.id,
  ) {
    return ok(
      await staff.request('POST', `/api/admin/meetings/${meetingId}/packages`, {
        title: 'Tài liệu kỳ họp thứ hai',
        visibility,
      }),
      PackageManifest,
      201,
    );
  }

  async function addDoc(packageId: string, title: string, body: Buffer, agendaItemId?: string) {
    return ok(
      await upload(
        `/api/admin/packages/${packageId}/documents`,
        { title, fileName: `${title}.pdf`, ...(agendaItemId ? { agendaItemId } : {}) },
        body,
      ),
      PackageManifest,
      201,
    );
  }

  async function published(visibility: 'private' | 'public' = 'private') {
    const p = await newPackage(visibility);
    await addDoc(p.id, 'Giấy mời', files.invitation, fx.sitting.agenda[0]!.id);
    await addDoc(p.id, 'Nghị định 335', files.decree, fx.sitting.agenda[1]!.id);
    await addDoc(p.id, 'Sổ tay', files.handbook, fx.sitting.agenda[1]!.id);
    return ok(await staff.request('POST', `/api/admin/packages/${p.id}/publish`), PackageManifest);
  }

  async function readerToken(packageId: string, inv = fx.invitations.member) {
    const res = await fetch(`${url}/api/packages/${packageId}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation: tokenOf(inv) }),
    });
    return ok(res, SubscribeResponse).then((s) => s.readerToken);
  }

  const read = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it('publishes three PDFs under agenda items; a delegate reads the manifest and the exact bytes', async () => {
    const p = await published();
    const token = await readerToken(p.id);
    const m = await ok(await read(`/api/packages/${p.id}/manifest`, token), PackageManifest);
    expect(m.documents.map((d) => [d.title, d.agendaItemId, d.versions[0]!.sha256])).toEqual([
      ['Giấy mời', fx.sitting.agenda[0]!.id, sha(files.invitation)],
      ['Nghị định 335', fx.sitting.agenda[1]!.id, sha(files.decree)],
      ['Sổ tay', fx.sitting.agenda[1]!.id, sha(files.handbook)],
    ]);
    expect(m.agenda.map((a) => a.title)).toEqual(['Khai mạc', 'Thảo luận']);
    const res = await read(`/api/packages/${p.id}/${m.documents[1]!.versions[0]!.path}`, token);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(sha(Buffer.from(await res.arrayBuffer()))).toBe(sha(files.decree));
  });

  it('lists the meeting’s packages as the contract says (the staff app reads this list)', async () => {
    const p = await published();
    const list = await ok(
      await staff.request('GET', `/api/admin/meetings/${fx.sitting.id}/packages`),
      PackageList,
    );
    expect(list.find((x) => x.id === p.id)).toMatchObject({
      title: p.title,
      visibility: 'private',
      publishedAt: p.publishedAt,
    });
  });

  it('stores files only under their SHA-256, whatever file name was sent', async () => {
    const p = await newPackage();
    const m = await ok(
      await upload(
        `/api/admin/packages/${p.id}/documents`,
        { title: 'Thử', fileName: '../../../etc/passwd' },
        files.invitation,
      ),
      PackageManifest,
      201,
    );
    expect(m.documents[0]!.versions[0]!.fileName).toBe('passwd');
    expect(await readdir(dir)).toEqual([]);
    const stored = await db.query<{ sha256: string }>('SELECT sha256 FROM package_files');
    expect(stored.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(stored.map((f) => f.sha256)).toContain(sha(files.invitation));
  });

  it('refuses a file that is not a PDF with a bilingual message, and adds nothing', async () => {
    const p = await newPackage();
    const res = await upload(
      `/api/admin/packages/${p.id}/documents`,
      { title: 'Không phải PDF' },
      Buffer.from('<html>Đây là trang web</html>'),
    );
    expect(res.status).toBe(400);
    const err = ApiError.parse(await res.json());
    expect(err.message.vi).toContain('không phải PDF');
    expect(err.message.en).toContain('not a PDF');
    const m = await ok(await staff.request('GET', `/api/admin/packages/${p.id}`), PackageManifest);
    expect(m.documents).toEqual([]);
  });

  it('refuses a truncated PDF', async () => {
    const p = await newPackage();
    const cut = files.decree.subarray(0, Math.floor(files.decree.length / 2));
    const res = await upload(`/api/admin/packages/${p.id}/documents`, { title: 'Cắt' }, cut);
    expect(res.status).toBe(400);
    expect(ApiError.parse(await res.json()).message.en).toContain('cut short');
    expect(await readdir(dir)).toEqual([]);
    const [kept] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM package_file_chunks WHERE sha256 = $1',
      [sha(cut)],
    );
    expect(kept!.n).toBe(0);
  });

  it('refuses a PDF over the size limit with 413', async () => {
    const p = await newPackage();
    const big = await pdf('freeculture.pdf');
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const res = await upload(`/api/admin/packages/${p.id}/documents`, { title: 'Lớn' }, big);
    expect(res.status).toBe(413);
    expect(ApiError.parse(await res.json()).code).toBe('payload_too_large');
  });

  it('replacing a document adds version 2 with its reason; version 1 stays downloadable', async () => {
    const p = await published();
    const doc = p.documents[1]!;
    const m = await ok(
      await upload(
        `/api/admin/packages/${p.id}/documents/${doc.id}/versions`,
        { reason: 'Sửa Điều 3 theo ý kiến thẩm tra', fileName: 'nd335-v2.pdf' },
        await pdf('vi_nd47_2020_vgca_signed.pdf'),
      ),
      PackageManifest,
      201,
    );
    const d = m.documents.find((x) => x.id === doc.id)!;
    expect(d.current).toBe(2);
    expect(d.versions.map((v) => [v.number, v.reason])).toEqual([
      [1, null],
      [2, 'Sửa Điều 3 theo ý kiến thẩm tra'],
    ]);
    const token = await readerToken(p.id);
    const old = await read(`/api/packages/${p.id}/${d.versions[0]!.path}`, token);
    expect(sha(Buffer.from(await old.arrayBuffer()))).toBe(sha(files.decree));
  });

  it('records which delegate downloaded which version; the secretariat sees it', async () => {
    const p = await published();
    const doc = p.documents[1]!;
    const member = await readerToken(p.id);
    const chair = await readerToken(p.id, fx.invitations.chair);
    // The delegate fetches version 1 twice, the secretariat replaces it, she fetches version 2.
    for (let i = 0; i < 2; i++) {
      await (await read(`/api/packages/${p.id}/${doc.versions[0]!.path}`, member)).arrayBuffer();
    }
    const m = await ok(
      await upload(
        `/api/admin/packages/${p.id}/documents/${doc.id}/versions`,
        { reason: 'Sửa Điều 3 theo ý kiến thẩm tra' },
        await pdf('vi_nd47_2020_vgca_signed.pdf'),
      ),
      PackageManifest,
      201,
    );
    const v2 = m.documents[1]!.versions[1]!;
    await (await read(`/api/packages/${p.id}/${v2.path}`, member)).arrayBuffer();
    // The chair opens the manifest only; a refused read and the public QR are not downloads.
    await (await read(`/api/packages/${p.id}/manifest`, chair)).arrayBuffer();
    expect((await read(`/api/packages/${p.id}/${v2.path}`)).status).toBe(401);

    const answer = await ok(
      await staff.request('GET', `/api/admin/packages/${p.id}/downloads`),
      PackageDownloads,
    );
    const byId = new Map(answer.readers.map((r) => [r.invitationId, r]));
    expect(byId.has(fx.invitations.voter.id)).toBe(false);
    expect(byId.get(fx.invitations.chair.id)!.downloads).toEqual([]);
    expect(byId.get(fx.invitations.secretary.id)!.downloads).toEqual([]);
    const got = byId.get(fx.invitations.member.id)!;
    expect(got.name).toBe(fx.invitations.member.name);
    expect(got.downloads.map((d) => [d.documentId, d.version, d.times])).toEqual([
      [doc.id, 1, 2],
      [doc.id, 2, 1],
    ]);
    // Other packages' downloads stay theirs.
    const other = await published();
    const none = await ok(
      await staff.request('GET', `/api/admin/packages/${other.id}/downloads`),
      PackageDownloads,
    );
    expect(none.readers.every((r) => r.downloads.length === 0)).toBe(true);
  });

  it('refuses a replacement identical to the current version', async () => {
    const p = await published();
    const res = await upload(
      `/api/admin/packages/${p.id}/documents/${p.documents[0]!.id}/versions`,
      { reason: 'Không đổi' },
      files.invitation,
    );
    expect(res.status).toBe(400);
  });

  it('answers 304 to an unchanged manifest and a new ETag after a change', async () => {
    const p = await published();
    const token = await readerToken(p.id);
    const first = await read(`/api/packages/${p.id}/manifest`, token);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await read(`/api/packages/${p.id}/manifest`, token, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    await ok(
      await staff.request('PUT', `/api/admin/packages/${p.id}/order`, {
        documents: [...p.documents].reverse().map((d) => ({ id: d.id, agendaItemId: null })),
      }),
      PackageManifest,
    );
    const changed = await read(`/api/packages/${p.id}/manifest`, token, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    const m = PackageManifest.parse(await changed.json());
    expect(m.documents.map((d) => d.title)).toEqual(['Sổ tay', 'Nghị định 335', 'Giấy mời']);
    expect(m.revision).toBeGreaterThan(p.revision);
  });

  it('a private package needs a reader token (401) and hides drafts (404)', async () => {
    const p = await published();
    expect((await read(`/api/packages/${p.id}/manifest`)).status).toBe(401);
    const file = await read(`/api/packages/${p.id}/files/${p.documents[0]!.versions[0]!.sha256}`);
    expect(file.status).toBe(401);
    const draft = await newPackage();
    const token = await readerToken(p.id);
    expect((await read(`/api/packages/${draft.id}/manifest`, token)).status).toBe(404);
    // Its link page says how many documents and how to add them, not their titles.
    const html = await (await read(`/p/${p.id}`)).text();
    expect(html).toContain('<strong>3</strong> tài liệu');
    expect(html).toContain('Thêm vào cặp tài liệu');
    expect(html).not.toContain('Nghị định 335');
  });

  it('refuses a delegate of another meeting, a voter, and another package’s token (403)', async () => {
    const p = await published();
    for (const inv of [fx.invitations.voterChair, fx.invitations.voter]) {
      const res = await fetch(`${url}/api/packages/${p.id}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invitation: tokenOf(inv) }),
      });
      expect(res.status).toBe(403);
    }
    const other = await published();
    const otherToken = await readerToken(other.id);
    expect((await read(`/api/packages/${p.id}/manifest`, otherToken)).status).toBe(403);
    // The participant session token (another purpose) is not a reader token.
    expect((await read(`/api/packages/${p.id}/manifest`, fx.sessions.member)).status).toBe(401);
  });

  it('stops reading at once when the invitation is revoked', async () => {
    const p = await published();
    const token = await readerToken(p.id, fx.invitations.secretary);
    expect((await read(`/api/packages/${p.id}/manifest`, token)).status).toBe(200);
    await staff.request(
      'POST',
      `/api/admin/meetings/${fx.sitting.id}/invitations/${fx.invitations.secretary.id}/revoke`,
    );
    expect((await read(`/api/packages/${p.id}/manifest`, token)).status).toBe(403);
  });

  it('a public package is readable by anyone once published', async () => {
    const p = await published('public');
    const m = await ok(await read(`/api/packages/${p.id}/manifest`), PackageManifest);
    expect(m.visibility).toBe('public');
    const page = await read(`/p/${p.id}`);
    const html = await page.text();
    expect(html).toContain('name="hdnd-package"');
    // Styled, no favicon request, every document with its current version and agenda item.
    expect(html).toContain('<style>');
    expect(html).toContain('<link rel="icon" href="data:,">');
    const current = m.documents.find((d) => d.title === 'Nghị định 335')!;
    expect(html).toContain(
      `<a href="/api/packages/${p.id}/files/${current.versions[0]!.sha256}">Nghị định 335</a> (bản 1,`,
    );
    expect(html).toContain(`Mục ${fx.sitting.agenda[1]!.position}: `);
  });

  it('only staff write: no cookie 401, no CSRF header 403, and nothing changes', async () => {
    const p = await newPackage();
    const anon = await fetch(`${url}/api/admin/packages/${p.id}/publish`, { method: 'POST' });
    expect(anon.status).toBe(401);
    const asDelegate = await fetch(`${url}/api/admin/packages/${p.id}/documents?title=x`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fx.sessions.chair}`, 'content-type': 'application/pdf' },
      body: new Uint8Array(files.invitation),
    });
    expect(asDelegate.status).toBe(401);
    const noCsrf = await staff.request('POST', `/api/admin/packages/${p.id}/publish`, undefined, {
      csrf: false,
    });
    expect(noCsrf.status).toBe(403);
    const m = await ok(await staff.request('GET', `/api/admin/packages/${p.id}`), PackageManifest);
    expect([m.publishedAt, m.documents.length]).toEqual([null, 0]);
  });

  it('answers bad input with 400, never 500', async () => {
    const p = await newPackage();
    const bad = [
      await upload(`/api/admin/packages/${p.id}/documents`, {}, files.invitation),
      await upload(
        `/api/admin/packages/${p.id}/documents`,
        { title: 'x', agendaItemId: 'nope' },
        files.invitation,
      ),
      await upload(
        `/api/admin/packages/${p.id}/documents`,
        { title: 'x' },
        files.invitation,
        'text/plain',
      ),
      await staff.request('PUT', `/api/admin/packages/${p.id}/order`, { documents: 'all' }),
      await staff.request('POST', `/api/admin/meetings/${fx.sitting.id}/packages`, { title: '' }),
      await read(`/api/packages/${p.id}/files/..%2F..%2Fetc%2Fpasswd`),
      await fetch(`${url}/api/packages/${p.id}/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"invitation": 5}',
      }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
  });

  it('gives the package link, QR codes and personal links that subscribe', async () => {
    const p = await published();
    const links = await ok(
      await staff.request('GET', `/api/admin/packages/${p.id}/links`),
      PackageLinks,
    );
    expect(links.url).toBe(`${url}/p/${p.id}`);
    const png = Buffer.from(await (await fetch(links.qrPng)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await (await fetch(links.qrSvg)).text()).toContain('<svg');
    const mine = links.personal.find((l) => l.invitationId === fx.invitations.member.id)!;
    const parsed = parsePackageLink(mine.url)!;
    expect(parsed).toMatchObject({ origin: url, packageId: p.id });
    const res = await fetch(`${url}/api/packages/${p.id}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation: parsed.invitation }),
    });
    expect((await ok(res, SubscribeResponse)).name).toBe('Trần Thị Bình');
  });
});
