// Test helpers for the hostile-input tests: a server with a temporary upload folder that records
// every error it logs, and the world every endpoint needs (staff, a council with meetings, joined
// participants, a motion, a raised hand, a petition, a package with a document).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { Invitation } from '../../../shared/admin';
import { MeetingState, Motion } from '../../../shared/meeting';
import { PackageManifest } from '../../../shared/packages';
import { buildFixture, bearer, ok, tokenOf, type Fixture } from '../admin/testing';
import { createApp, type AppDeps } from '../app';
import { liveOf } from '../room/index';
import { createLiveKit } from '../livekit/livekit';
import { ADMIN, CLERK, seedStaff, signIn, type StaffClient } from '../staff/testing';
import type { TestDb } from '../testing/databases';
import { TEST_SECRET } from '../testing/server';

export const CORPUS = join(import.meta.dirname, '../../../../shared/corpus/pdfs');

export interface HostileServer {
  url: string;
  /** Folder for package uploads in progress. */
  dir: string;
  /** Everything the server logged (unexpected errors). */
  logged: unknown[];
  close(): Promise<void>;
}

export async function startHostileServer(
  db: TestDb,
  extra: Partial<AppDeps> = {},
): Promise<HostileServer> {
  const dir = await mkdtemp(join(tmpdir(), 'hdnd-hostile-'));
  const logged: unknown[] = [];
  const app = createApp({
    db,
    livekit: createLiveKit(inject('livekit')),
    secret: TEST_SECRET,
    sweepIntervalMs: 0,
    log: (err) => logged.push(err),
    packageUploadDir: dir,
    packageMaxBytes: 8 * 1024 * 1024,
    ...extra,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dir,
    logged,
    async close() {
      await liveOf(app).stop();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface World {
  fx: Fixture;
  clerk: StaffClient;
  admin: StaffClient;
  motion: Motion;
  handEntryId: string;
  petitionId: string;
  pkg: PackageManifest;
  /** An invitation nothing else uses (revoking it harms no other test step). */
  spareInvitation: Invitation;
  /** Every id and token above, for generators to use as plausible strings. */
  knownStrings: string[];
}

export async function buildWorld(url: string, db: TestDb): Promise<World> {
  await seedStaff(db);
  const clerk = await signIn(url, CLERK);
  const admin = await signIn(url, ADMIN);
  const fx = await buildFixture(url, clerk);
  const chair = bearer(url, fx.sessions.chair);
  const m = `/api/meetings/${fx.sitting.id}`;
  const motion = await ok(
    await chair('POST', `${m}/motions`, {
      agendaItemId: fx.sitting.agenda[0]!.id,
      title: 'Thông qua chương trình kỳ họp',
    }),
    Motion,
  );
  const state = await ok(
    await bearer(url, fx.sessions.member)('POST', `${m}/hand`, { kind: 'speak' }),
    MeetingState,
  );
  const petition = await bearer(url, fx.sessions.voter)(
    'POST',
    `/api/meetings/${fx.voterMeeting.id}/petitions`,
    { name: 'Hoàng Văn Dân', text: 'Đề nghị sửa đường liên thôn trước mùa mưa.' },
  );
  const petitionId = ((await petition.json()) as { id: string }).id;
  const created = await ok(
    await clerk.request('POST', `/api/admin/meetings/${fx.sitting.id}/packages`, {
      title: 'Tài liệu kỳ họp',
    }),
    PackageManifest,
    201,
  );
  const pdf = await readFile(join(CORPUS, 'vi_giay_moi_hdnd_tuan_giao_signed.pdf'));
  const pkg = await ok(
    await fetch(
      `${url}/api/admin/packages/${created.id}/documents?title=Gi%E1%BA%A5y%20m%E1%BB%9Di`,
      {
        method: 'POST',
        headers: {
          cookie: clerk.cookie,
          'x-csrf-token': clerk.session.csrfToken,
          'content-type': 'application/pdf',
        },
        body: new Uint8Array(pdf),
      },
    ),
    PackageManifest,
    201,
  );
  const spareInvitation = await ok(
    await clerk.request('POST', `/api/admin/meetings/${fx.sitting.id}/invitations`, {
      role: 'guest',
      displayName: 'Khách mời',
    }),
    Invitation,
    201,
  );
  const knownStrings = [
    fx.council.id,
    fx.sitting.id,
    fx.voterMeeting.id,
    fx.councilBody.id,
    fx.committee.id,
    ...fx.members.map((x) => x.id),
    ...fx.sitting.agenda.map((a) => a.id),
    motion.id,
    state.queue[0]!.id,
    petitionId,
    pkg.id,
    pkg.documents[0]!.id,
    pkg.documents[0]!.versions[0]!.sha256,
    tokenOf(fx.invitations.member),
    tokenOf(spareInvitation),
  ];
  return {
    fx,
    clerk,
    admin,
    motion,
    handEntryId: state.queue[0]!.id,
    petitionId,
    pkg,
    spareInvitation,
    knownStrings,
  };
}
