// createApp: the meeting server's HTTP application, built from its dependencies (database,
// LiveKit, clock, secret) so tests run it against real PGlite/PostgreSQL and a real LiveKit.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { joiningRoutes } from '../../shared/routes/joining';
import type { Db } from './db/database';
import { participantCors } from './http/cors';
import { badRequest, errorHandler } from './http/errors';
import { NUL_MESSAGE, urlHasNul } from './http/input';
import { mountRoutes, type Guards } from './http/mount';
import { defineRoute } from './http/route';
import { withDefaults, type RateLimits } from './http/rate-limits';
import { participantActor, runAudited, withAudit } from './audit/audit';
import { auditRoutes } from './audit/routes';
import { participantOf, requireParticipant } from './auth/participant';
import { invitationRoutes } from './invitations/routes';
import { httpUrl, type LiveKit } from './livekit/livekit';
import { createLive } from './room/index';
import { staffRoutes } from './staff/routes';
import { setupRoutes } from './staff/setup-routes';
import { requireStaff } from './staff/session';
import { adminRoutes } from './admin/routes';
import { importRoutes } from './admin/import-routes';
import { petitionRoutes } from './petitions/routes';
import { leaveRoutes } from './leave/routes';
import { participationRoutes } from './participation/routes';
import { portalRoutes } from './portal/routes';
import { minutesRoutes } from './minutes/routes';
import { packageLinkPage, packageRoutes, packagesPreflight } from './packages/routes';
import { PackageStorage } from './packages/storage';
import type { PdfBudget } from './packages/pdf-check';

export interface AppDeps {
  db: Db;
  livekit: LiveKit;
  /** Signs invitation links. */
  secret: string;
  now?: () => number;
  log?: (err: unknown) => void;
  /** Folder of the built web client; defaults to meeting-server/web/dist. */
  webDist?: string;
  /** How often timers (speaking, timed votes) are swept, ms; 0 = never. Default 1000. */
  sweepIntervalMs?: number;
  /** PUBLIC_URL (links, QR codes, Secure cookies); defaults to the request's own origin. */
  publicUrl?: string;
  /** Folder for package uploads in progress (the PDFs live in the database); default tmpdir. */
  packageUploadDir?: string;
  /** Largest package PDF accepted, bytes; default 100 MB. */
  packageMaxBytes?: number;
  /** Memory and time an uploaded PDF may take to open (packages/pdf-check.ts). */
  packagePdfBudget?: Partial<PdfBudget>;
  /** Rate limits (RATE_LIMIT_* variables); each missing one takes its default. */
  rateLimits?: Partial<RateLimits>;
}

const defaultWebDist = fileURLToPath(new URL('../web/dist/', import.meta.url));

export function createApp(given: AppDeps): Express {
  const now = given.now ?? Date.now;
  // Every use of the database goes through the audit log's hook (audit/audit.ts).
  const deps: AppDeps = { ...given, db: withAudit(given.db, now) };
  const log = deps.log ?? ((err) => console.error(err));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  const livekitOrigins = [deps.livekit.url, httpUrl(deps.livekit.url)].map(
    (u) => new URL(u).origin,
  );
  const https = deps.publicUrl?.startsWith('https:') ?? false;
  app.use((_req, res, next) => {
    // Behind TLS (PUBLIC_URL https), browsers must never fall back to plain http (docs/deploy.md).
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `connect-src 'self' ${livekitOrigins.join(' ')}`,
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "style-src 'self' 'unsafe-inline'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    next();
  });

  // The extension's side panel takes part from its own origin (Bearer sessions only).
  app.use(participantCors);

  // A NUL in the URL would reach SQL through a path parameter or the query: refuse it up front.
  app.use((req, _res, next) => {
    next(urlHasNul(req.url) ? badRequest(NUL_MESSAGE.vi, NUL_MESSAGE.en) : undefined);
  });

  const live = createLive({ ...deps, now, log });
  app.locals.live = live;
  const rateLimits = withDefaults(deps.rateLimits);
  const staffDeps = {
    db: deps.db,
    secret: deps.secret,
    now,
    secureCookies: https,
    publicUrl: (req: express.Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host')}`,
    rateLimits,
    livekit: deps.livekit,
    log,
  };
  const guards: Guards = {
    participant: requireParticipant({ db: deps.db, secret: deps.secret, now }),
    staff: requireStaff(staffDeps),
    admin: requireStaff(staffDeps, { admin: true }),
    roleOf: (res) => participantOf(res).role,
    // The chair's and secretary's actions are audited.
    auditParticipant: (req, res, run) => {
      const p = participantOf(res);
      return p.role === 'chair' || p.role === 'secretary'
        ? runAudited(participantActor(p), req, p.mid, run)
        : run();
    },
  };
  const packagesDeps = {
    ...staffDeps,
    // The bytes are stored without the audit hook: the document row written next is the action.
    storage: new PackageStorage(given.db, {
      maxBytes: deps.packageMaxBytes ?? 100 * 1024 * 1024,
      ...(deps.packageUploadDir ? { tmpDir: deps.packageUploadDir } : {}),
      ...(deps.packagePdfBudget ? { pdfBudget: deps.packagePdfBudget } : {}),
    }),
  };
  app.use('/api/packages', packagesPreflight);
  // Every route of the API, each a contract of shared/routes bound to its handler.
  app.locals.routes = mountRoutes(
    app,
    [
      defineRoute(joiningRoutes.health, async () => {
        await deps.db.query('SELECT 1');
        return { ok: true, database: deps.db.kind };
      }),
      ...invitationRoutes(staffDeps),
      ...live.routes,
      ...petitionRoutes(staffDeps),
      ...leaveRoutes({ ...staffDeps, live: live.deps }),
      ...minutesRoutes(staffDeps),
      ...participationRoutes(staffDeps),
      ...staffRoutes(staffDeps),
      ...setupRoutes(staffDeps),
      ...auditRoutes(staffDeps),
      ...adminRoutes({ ...staffDeps, live: live.deps }),
      ...importRoutes(staffDeps),
      ...packageRoutes(packagesDeps),
      ...portalRoutes(staffDeps),
    ],
    guards,
  );
  app.get('/p/:packageId', packageLinkPage(packagesDeps));

  app.use('/api', (_req, res) => {
    res.status(404).json({
      code: 'not_found',
      message: { vi: 'Không có địa chỉ API này.', en: 'No such API endpoint.' },
    });
  });

  const webDist = deps.webDist ?? defaultWebDist;
  if (existsSync(webDist)) {
    app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
    app.get(['/j/:token', '/'], (_req, res) => res.sendFile('index.html', { root: webDist }));
    // The secretariat's app: one page whose own router shows sign-in, setup and the sections.
    app.get(['/admin', '/admin/{*rest}'], (_req, res) =>
      res.sendFile('admin.html', { root: webDist }),
    );
    // The council's public page: no sign-in, public read-only routes only.
    app.get(['/cong-khai', '/cong-khai/{*rest}'], (_req, res) =>
      res.sendFile('portal.html', { root: webDist }),
    );
  } else {
    app.get(['/j/:token', '/', '/admin', '/admin/{*rest}', '/cong-khai'], (_req, res) => {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'Giao diện web chưa được build: chạy `npm run build:web`.\nThe web client is not built: run `npm run build:web`.',
        );
    });
  }

  app.use(errorHandler(log));
  return app;
}
