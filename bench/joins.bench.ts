// Joins: 300 listen-only voters joining one voter meeting — each exchanges the public invitation
// for a token over HTTP, connects to LiveKit, and LiveKit posts its participant_joined webhook to
// the meeting server — time for all and the meeting server's CPU, against token minting alone.
import { performance } from 'node:perf_hooks';
import { Room, dispose } from '@livekit/rtc-node';
import { JoinResponse } from '../shared/api';
import { signInvitation } from '../meeting-server/src/invitations/token';
import { createLiveKit } from '../meeting-server/src/livekit/livekit';
import { rows, timeMany } from './harness';
import { BENCH_SECRET, benchLiveKit, cpuSeconds, startServer } from './stack';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 300);

export async function benchJoins() {
  const lk = await benchLiveKit();
  const minter = createLiveKit(lk);
  const mint = await timeMany(VOTERS, 16, (i) =>
    minter.mintToken({
      identity: `voter:${i}`,
      name: `Cử tri ${i}`,
      room: 'r',
      role: 'voter',
      canPublish: false,
    }),
  );

  const { seeded, child, stop } = await startServer({
    db: 'pglite',
    members: 3,
    meetingKind: 'voter',
  });
  const invitation = signInvitation(BENCH_SECRET, {
    iid: seeded.voterInvitation,
    mid: seeded.meetingId,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  const rooms: Room[] = [];
  let retries = 0;
  try {
    const cpu0 = cpuSeconds(child.pid!);
    const t0 = performance.now();
    await timeMany(VOTERS, 10, async (i) => {
      const res = await fetch(`${seeded.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invitation, name: `Cử tri ${i + 1}` }),
      });
      if (!res.ok) throw new Error(`join ${i}: ${res.status}`);
      const joined = JoinResponse.parse(await res.json());
      // A phone on a busy network retries once, as livekit-client does.
      for (let attempt = 1; ; attempt++) {
        const room = new Room();
        try {
          await room.connect(joined.livekitUrl, joined.token, {
            autoSubscribe: true,
            dynacast: false,
          });
          rooms.push(room);
          break;
        } catch (err) {
          retries++;
          if (attempt >= 3) throw err;
        }
      }
    });
    let inRoom = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      inRoom = (await minter.rooms.listParticipants(seeded.room)).length;
      if (inRoom >= VOTERS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const allMs = performance.now() - t0;
    // Webhooks arrive asynchronously; give them a moment so their CPU is counted.
    await new Promise((r) => setTimeout(r, 2000));
    const cpu = cpuSeconds(child.pid!) - cpu0;
    rows.push({
      name: `joins: ${VOTERS} listen-only voters (token + join + webhook)`,
      figure: `all in room after ${(allMs / 1000).toFixed(1)} s (${inRoom}/${VOTERS}); server CPU ${cpu.toFixed(1)} s; ${retries} connect retries`,
      baseline: `token minting alone: ${VOTERS} in ${(mint.wallMs / 1000).toFixed(2)} s`,
      ratio: `${(allMs / mint.wallMs).toFixed(0)}×`,
      target: 'all joined within 30 s',
      met: inRoom >= VOTERS && allMs <= 30_000,
    });
  } finally {
    await Promise.all(rooms.map((r) => r.disconnect()));
    await stop();
    await dispose();
  }
}
