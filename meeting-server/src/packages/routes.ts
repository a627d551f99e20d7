// Session package HTTP routes. Staff (session + CSRF): create a package for a meeting, upload PDFs
// (the request body is the PDF, streamed to content-addressed storage in the database), replace a
// document with a new version and a reason, order documents under agenda items, publish, links
// and QR codes.
// Readers (CORS-open, no cookies): subscribe with an invitation for a reader token, the manifest
// with ETag / If-None-Match, every version's file; and the package link page `/p/:packageId`.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Request, RequestHandler, Response } from 'express';
import QRCode from 'qrcode';
import {
  Sha256,
  type PackageDownloads,
  type PackageLinks,
  type PackageManifest,
  type SubscribeResponse,
} from '../../../shared/packages';
import { packageRoutes as api } from '../../../shared/routes/packages';
import type { Db } from '../db/database';
import { badRequest, notFound, parse } from '../http/errors';
import { findMeeting, listInvitations } from '../meetings/store';
import { invitationToken, resolveInvitation } from '../invitations/service';
import { SENT, defineRoute, type RouteDef } from '../http/route';
import { staffOf, type StaffDeps } from '../staff/session';
import { checkReader, invitationReads, otherMeeting, signReader } from './access';
import type { PackageStorage } from './storage';
import { DEFAULT_RATE_LIMITS } from '../http/rate-limits';
import { enforce } from '../http/rate-limit';
import {
  addDocument,
  addVersion,
  agendaItemOfMeeting,
  createPackage,
  currentSha,
  documentIds,
  documentOfPackage,
  downloadsOf,
  findPackage,
  listPackages,
  manifestOf,
  orderDocuments,
  packageHasFile,
  packageSummary,
  publishPackage,
  recordDownload,
  updatePackage,
  type PackageRow,
} from './store';

export interface PackagesDeps extends StaffDeps {
  db: Db;
  publicUrl: (req: Request) => string;
  /** Where the PDFs are kept (the database, without the audit hook). */
  storage: PackageStorage;
}

const noPackage = () => notFound('Không tìm thấy bộ tài liệu này.', 'No such package.');
const noMeeting = () => notFound('Không tìm thấy cuộc họp này.', 'No such meeting.');
const noDocument = () =>
  notFound('Không tìm thấy tài liệu này trong bộ tài liệu.', 'No such document in this package.');
const notPdfType = () =>
  badRequest(
    'Hãy gửi tệp PDF với Content-Type: application/pdf.',
    'Send the PDF with Content-Type: application/pdf.',
  );
const badAgendaItem = () =>
  badRequest(
    'Mục chương trình này không thuộc cuộc họp của bộ tài liệu.',
    'This agenda item is not on the package’s meeting agenda.',
  );

/**
 * Strips folders, control characters and bidirectional overrides (which can disguise
 * `x\u202efdp.exe` as `xexe.pdf`) from a client-given file name (display only).
 */
export function displayFileName(raw: string | undefined, fallback: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return clean || fallback;
}

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function cors(res: Response) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, if-none-match');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'ETag');
  res.setHeader('Vary', 'Authorization');
}

/** CORS preflight of the reader API (a middleware, not a route). */
export const packagesPreflight: RequestHandler = (req, res, next) => {
  if (req.method !== 'OPTIONS') return next();
  cors(res);
  res.status(204).end();
};

export function packageRoutes(deps: PackagesDeps): RouteDef[] {
  const db = deps.db;
  const storage = deps.storage;
  const packageLink = (req: Request, id: string) => `${deps.publicUrl(req)}/p/${id}`;

  const packageOr404 = async (id: string): Promise<PackageRow> => {
    const found = await findPackage(db, id);
    if (!found) throw noPackage();
    return found;
  };
  const manifestNow = async (id: string) => manifestOf(db, (await findPackage(db, id))!);
  /**
   * A published package the request may read (a draft is "not found" to readers), and the
   * invitation of the delegate reading it (null for a public package).
   */
  const readable = async (
    req: Request,
    id: string,
  ): Promise<{ p: PackageRow; invitationId: string | null }> => {
    const p = await findPackage(db, id);
    if (!p || !p.published_at) throw noPackage();
    const invitationId = await checkReader(
      db,
      deps.secret,
      deps.now(),
      p,
      req.get('authorization'),
    );
    return { p, invitationId };
  };
  const pdfBody = (req: Request) => {
    if (!req.is('application/pdf')) throw notPdfType();
    const length = Number(req.get('content-length'));
    return storage.put(req, Number.isFinite(length) && length > 0 ? length : undefined);
  };
  /** Readers' routes answer any origin, errors included. */
  const reader = { before: (_req: Request, res: Response) => cors(res) };

  const qr = (format: 'png' | 'svg') =>
    defineRoute(
      format === 'png' ? api.packageQrPng : api.packageQrSvg,
      async ({ req, res, params }) => {
        const p = await packageOr404(params.packageId);
        const url = packageLink(req, p.id);
        const options = { errorCorrectionLevel: 'M' as const, margin: 2 };
        if (format === 'png') {
          res
            .type('image/png')
            .send(await QRCode.toBuffer(url, { ...options, type: 'png', width: 512 }));
        } else {
          res.type('image/svg+xml').send(await QRCode.toString(url, { ...options, type: 'svg' }));
        }
        return SENT;
      },
    );

  return [
    // ---- staff ----
    defineRoute(api.createPackage, async ({ params, body }) => {
      const meeting = await findMeeting(db, params.meetingId);
      if (!meeting) throw noMeeting();
      const id = await createPackage(db, { meetingId: meeting.id, ...body });
      return manifestNow(id);
    }),
    defineRoute(api.packages, async ({ params }) => {
      const meeting = await findMeeting(db, params.meetingId);
      if (!meeting) throw noMeeting();
      return (await listPackages(db, meeting.id)).map(packageSummary);
    }),
    defineRoute(api.package, async ({ params }) =>
      manifestOf(db, await packageOr404(params.packageId)),
    ),
    defineRoute(api.updatePackage, async ({ params, body }) => {
      const p = await packageOr404(params.packageId);
      await updatePackage(db, p.id, body);
      return manifestNow(p.id);
    }),
    defineRoute(api.uploadDocument, async ({ req, res, params, query: q }) => {
      const p = await packageOr404(params.packageId);
      if (q.agendaItemId && !(await agendaItemOfMeeting(db, p.meeting_id, q.agendaItemId))) {
        throw badAgendaItem();
      }
      const stored = await pdfBody(req);
      await addDocument(db, {
        packageId: p.id,
        title: q.title,
        agendaItemId: q.agendaItemId ?? null,
        ...stored,
        fileName: displayFileName(q.fileName, `${q.title}.pdf`),
        createdBy: staffOf(res).user.id,
        at: new Date(deps.now()),
      });
      return manifestNow(p.id);
    }),
    defineRoute(api.uploadVersion, async ({ req, res, params, query: q }) => {
      const p = await packageOr404(params.packageId);
      const documentId = params.documentId;
      if (!(await documentOfPackage(db, p.id, documentId))) throw noDocument();
      const stored = await pdfBody(req);
      if ((await currentSha(db, documentId)) === stored.sha256) {
        throw badRequest(
          'Tệp này giống hệt phiên bản hiện tại. Hãy chọn tệp đã sửa.',
          'This file is identical to the current version. Choose the revised file.',
        );
      }
      await addVersion(db, {
        packageId: p.id,
        documentId,
        ...stored,
        fileName: displayFileName(q.fileName, 'tai-lieu.pdf'),
        reason: q.reason,
        createdBy: staffOf(res).user.id,
        at: new Date(deps.now()),
      });
      return manifestNow(p.id);
    }),
    defineRoute(api.orderDocuments, async ({ params, body }) => {
      const p = await packageOr404(params.packageId);
      const ids = new Set(await documentIds(db, p.id));
      const given = new Set(body.documents.map((d) => d.id));
      if (given.size !== body.documents.length || given.size !== ids.size) {
        throw badRequest(
          'Hãy liệt kê mỗi tài liệu của bộ tài liệu đúng một lần.',
          'List every document of the package exactly once.',
        );
      }
      for (const d of body.documents) {
        if (!ids.has(d.id)) throw noDocument();
        if (d.agendaItemId && !(await agendaItemOfMeeting(db, p.meeting_id, d.agendaItemId))) {
          throw badAgendaItem();
        }
      }
      await db.transaction((tx) => orderDocuments(tx, p.id, body.documents));
      return manifestNow(p.id);
    }),
    defineRoute(api.publishPackage, async ({ params }) => {
      const p = await packageOr404(params.packageId);
      await publishPackage(db, p.id, new Date(deps.now()));
      return manifestNow(p.id);
    }),
    defineRoute(api.packageDownloads, async ({ params }) => {
      const p = await packageOr404(params.packageId);
      const byInvitation = new Map<string, PackageDownloads['readers'][number]['downloads']>();
      for (const { invitationId, ...d } of await downloadsOf(db, p.id)) {
        byInvitation.set(invitationId, [...(byInvitation.get(invitationId) ?? []), d]);
      }
      const answer: PackageDownloads = {
        readers: (await listInvitations(db, p.meeting_id)).flatMap((i) =>
          i.role === 'voter'
            ? []
            : [
                {
                  invitationId: i.id,
                  name: i.member_name ?? i.display_name,
                  role: i.role,
                  revoked: i.revoked_at !== null,
                  downloads: byInvitation.get(i.id) ?? [],
                },
              ],
        ),
      };
      return answer;
    }),
    defineRoute(api.packageLinks, async ({ req, params }) => {
      const p = await packageOr404(params.packageId);
      const url = packageLink(req, p.id);
      const now = deps.now();
      const personal = (await listInvitations(db, p.meeting_id))
        .filter(
          (i) => i.role !== 'voter' && !i.revoked_at && new Date(i.expires_at).getTime() > now,
        )
        .map((i) => ({
          invitationId: i.id,
          name: i.member_name ?? i.display_name,
          url: `${url}#i=${invitationToken(deps.secret, { id: i.id, meetingId: i.meeting_id, expiresAt: new Date(i.expires_at) })}`,
        }));
      const api = `${deps.publicUrl(req)}/api/packages/${p.id}`;
      const answer: PackageLinks = {
        url,
        qrPng: `${api}/qr.png`,
        qrSvg: `${api}/qr.svg`,
        personal,
      };
      return answer;
    }),

    // ---- readers ----
    defineRoute(
      api.subscribe,
      async ({ params, body }) => {
        const p = await findPackage(db, params.packageId);
        if (!p || !p.published_at) throw noPackage();
        const row = await resolveInvitation(
          { db, secret: deps.secret, now: deps.now },
          body.invitation,
        );
        if (!invitationReads(row, p, deps.now())) throw otherMeeting();
        const exp = Math.floor(new Date(row.expires_at).getTime() / 1000);
        const answer: SubscribeResponse = {
          readerToken: signReader(deps.secret, { pid: p.id, iid: row.id, exp }),
          expiresAt: new Date(exp * 1000).toISOString(),
          name: row.member_name ?? row.display_name,
        };
        return answer;
      },
      {
        before: async (req, res) => {
          cors(res);
          // Exchanging an invitation, like joining: counted per IP.
          await enforce(
            db,
            `join-ip:${req.ip}`,
            (deps.rateLimits ?? DEFAULT_RATE_LIMITS).joinIp,
            deps.now(),
          );
        },
      },
    ),
    defineRoute(
      api.manifest,
      async ({ req, res, params }) => {
        const { p } = await readable(req, params.packageId);
        const manifest: PackageManifest = await manifestOf(db, p);
        const body = JSON.stringify(manifest);
        const etag = etagOf(body);
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', 'no-cache');
        if (req.get('if-none-match') === etag) res.status(304).end();
        else res.type('application/json').send(body);
        return SENT;
      },
      reader,
    ),
    defineRoute(
      api.file,
      async ({ req, res, params }) => {
        const sha = parse(Sha256, params.sha256);
        const { p, invitationId } = await readable(req, params.packageId);
        const size = (await packageHasFile(db, p.id, sha)) ? await storage.size(sha) : undefined;
        if (size === undefined) {
          throw notFound('Không có tệp này trong bộ tài liệu.', 'No such file in this package.');
        }
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Length', String(size));
        res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
        res.setHeader('ETag', `"${sha}"`);
        res.setHeader('Content-Disposition', `inline; filename="${sha}.pdf"`);
        // A database lost mid-file ends the response early (the reader sees a cut download and
        // its SHA-256 check fails) instead of leaving it open.
        const sent = await pipeline(storage.read(sha), res).then(
          () => true,
          () => (res.destroy(), false),
        );
        // A whole file sent to a delegate: the secretariat sees who holds which version.
        if (sent && invitationId) {
          await recordDownload(db, {
            packageId: p.id,
            invitationId,
            sha256: sha,
            at: new Date(deps.now()),
          }).catch(() => undefined);
        }
        return SENT;
      },
      reader,
    ),
    qr('png'),
    qr('svg'),
  ];
}

/** The link page's look: plain, readable on a phone, no external files (the CSP allows inline
 * styles only). */
const LINK_PAGE_STYLE =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#f6f7f9}' +
  'main{max-width:40rem;margin:0 auto;padding:24px 16px 96px}' +
  'h1{font-size:1.5rem;margin:0 0 4px;color:#a4161a}.meta{color:#57606a;margin:0 0 16px}' +
  'ol{padding-left:1.4em}li{margin:6px 0}.item{color:#57606a}.card{background:#fff;' +
  'border:1px solid #d0d7de;border-radius:8px;padding:12px 16px}a{color:#0b57d0}';

/** The link page `/p/:packageId` (a web page, not an API route): says what the link is and which
 * documents it holds; the briefcase extension recognises it by the meta tag. A public package
 * lists its documents with their current version to download; a private one says how many there
 * are and how a delegate adds them (the titles stay behind the reader token). */
export function packageLinkPage(deps: { db: Db; publicUrl: (req: Request) => string }) {
  const db = deps.db;
  return async (req: Request, res: Response) => {
    const p = await findPackage(db, String(req.params.packageId ?? ''));
    if (!p || !p.published_at) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Không tìm thấy bộ tài liệu. / No such package.');
      return;
    }
    const m = await manifestOf(db, p);
    const itemOf = (id: string | null) => m.agenda.find((a) => a.id === id);
    const docs =
      p.visibility === 'public'
        ? `<ol data-testid="link-documents">${m.documents
            .map((d) => {
              const v = d.versions.find((x) => x.number === d.current)!;
              const item = itemOf(d.agendaItemId);
              return (
                `<li><a href="/api/packages/${p.id}/files/${v.sha256}">${escapeHtml(d.title)}</a>` +
                ` (bản ${d.current}, ${Math.max(1, Math.round(v.size / 1024))} KB)` +
                (item
                  ? `<br><span class="item">Mục ${item.position}: ${escapeHtml(item.title)}</span>`
                  : '') +
                '</li>'
              );
            })
            .join('')}</ol>`
        : `<div class="card"><p>Bộ tài liệu gồm <strong>${m.documents.length}</strong> tài liệu, dành cho đại biểu được mời. ` +
          'Mở liên kết cá nhân trong thư mời bằng trình duyệt Chrome đã cài tiện ích <strong>Cặp tài liệu HĐND</strong>, rồi bấm <strong>Thêm vào cặp tài liệu</strong>: tài liệu được tải về để đọc cả khi không có mạng.</p>' +
          `<p lang="en">${m.documents.length} documents, for invited delegates. Open the personal link from your invitation in Chrome with the HĐND briefcase extension and press “Add to briefcase”.</p></div>`;
    res
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<meta name="hdnd-package" content="${escapeHtml(`${deps.publicUrl(req)}/api/packages/${p.id}/`)}">` +
          `<link rel="icon" href="data:,"><style>${LINK_PAGE_STYLE}</style>` +
          `<title>${escapeHtml(m.title)}</title></head><body><main><h1>${escapeHtml(m.title)}</h1>` +
          `<p class="meta">${escapeHtml(m.meeting.councilName)} — ${escapeHtml(m.meeting.title)}</p>${docs}</main></body></html>`,
      );
  };
}
