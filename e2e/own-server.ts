// A meeting server owned by one spec (in-memory PGlite, which also keeps the package PDFs; the
// stack's real LiveKit) with a signed-in secretariat administrator, and the publishing steps of a
// session package: for specs that must stop the server or publish packages, which the shared
// stack cannot.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CSRF_HEADER } from '../shared/admin';
import { PackageLinks, PackageManifest } from '../shared/packages';
import { createApp } from '../meeting-server/src/app';
import { openPglite, type Db } from '../meeting-server/src/db/database';
import { migrate } from '../meeting-server/src/db/migrate';
import { createLiveKit } from '../meeting-server/src/livekit/livekit';
import { ensureFirstAdmin } from '../meeting-server/src/staff/service';
import { ADMIN, signIn, type StaffClient } from '../meeting-server/src/staff/testing';
import { stack } from './fixtures';

export interface OwnServer {
  url: string;
  db: Db;
  /** Signs invitation links (for seeding with ensureDemo). */
  secret: string;
  staff: StaffClient;
  stop(): Promise<void>;
}

export async function startOwnServer(opts: { secret: string }) {
  const db: Db = await openPglite();
  await migrate(db);
  await ensureFirstAdmin(db, ADMIN);
  const app = createApp({
    db,
    livekit: createLiveKit(stack().livekit),
    secret: opts.secret,
    sweepIntervalMs: 0,
    log: () => undefined,
  });
  const server: Server = await new Promise((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const own: OwnServer = {
    url,
    db,
    secret: opts.secret,
    staff: await signIn(url, ADMIN),
    async stop() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await db.close();
    },
  };
  return own;
}

/** The parsed JSON answer, or an error with the status and body. */
export async function jsonOf<T>(res: Response, schema: { parse(v: unknown): T }): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text}`);
  return schema.parse(JSON.parse(text));
}

/** Uploads a PDF as the secretariat does (body `application/pdf`, the rest in the query). */
export async function upload(
  s: OwnServer,
  path: string,
  query: Record<string, string>,
  bytes: Uint8Array,
) {
  const res = await fetch(`${s.url}${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: {
      cookie: s.staff.cookie,
      [CSRF_HEADER]: s.staff.session.csrfToken,
      'content-type': 'application/pdf',
    },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
  return PackageManifest.parse(await res.json());
}

/** Creates a private package for a meeting, uploads each document under its item, publishes it. */
export async function publishPackage(
  s: OwnServer,
  meetingId: string,
  title: string,
  docs: { title: string; agendaItemId: string; bytes: Uint8Array }[],
) {
  const created = await jsonOf(
    await s.staff.request('POST', `/api/admin/meetings/${meetingId}/packages`, { title }),
    PackageManifest,
  );
  for (const d of docs) {
    await upload(
      s,
      `/api/admin/packages/${created.id}/documents`,
      { title: d.title, agendaItemId: d.agendaItemId },
      d.bytes,
    );
  }
  const manifest = await jsonOf(
    await s.staff.request('POST', `/api/admin/packages/${created.id}/publish`),
    PackageManifest,
  );
  const links = await jsonOf(
    await s.staff.request('GET', `/api/admin/packages/${created.id}/links`),
    PackageLinks,
  );
  return { manifest, links };
}
