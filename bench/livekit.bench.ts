// What meeting participants feel through LiveKit: the vote result reaching 50 connected clients
// after the chair closes the vote, and a raised hand reaching the chair's client, each against a
// bare LiveKit data message between two clients (no server logic) measured in the same run.
//
// The 50 receivers of the vote result are by default (BENCH_RESULT_CLIENTS=go) pion WebRTC clients
// in one Go process (bench/joins-go in listen mode, bench/listen-go.ts), each reporting its own
// arrival time: delegates' devices do not take turns, and 50 rtc-node Rooms in one process do (every
// Room hears every FFI event on one JavaScript thread). Latency is the Go arrival (epoch ms) minus
// the close's start on the bench's clock (performance.timeOrigin + performance.now()); the same
// machine clock, checked by a ping. Its baseline is then a data message from an rtc-node client to
// a pion client (the rtc-node → rtc-node figure is printed beside it). The chair's screen stays an
// rtc-node Room running the shared client logic (actionForMessage), for the hand raise, whose
// baseline stays rtc-node → rtc-node. BENCH_RESULT_CLIENTS=node: 50 rtc-node Rooms in this process,
// as before.
import { performance } from 'node:perf_hooks';
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import type { MeetingState } from '../shared/meeting';
import { actionForMessage, decodePayload, newestState } from '../shared/meeting-state';
import { api, openMotion, session } from './ballots.bench';
import { ms, quantile, rows } from './harness';
import { startGoListeners, type GoListeners } from './listen-go';
import { dropNativeLogEvents } from './rtc-logs';
import { benchLiveKit, startServer, type Seeded } from './stack';

const CLIENTS = 50;
const RAISES = 200;
/** Votes closed one after another; the p95 is over every client's arrival of every result. */
const VOTES = 10;
/** Who receives the vote result: pion clients in Go (bench/joins-go listen mode) or rtc-node Rooms. */
const RESULT_CLIENTS = process.env.BENCH_RESULT_CLIENTS ?? 'go';
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

async function token(identity: string, room: string, canPublishData = false) {
  const lk = await benchLiveKit();
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: 600 });
  at.addGrant({ roomJoin: true, room, canSubscribe: true, canPublish: false, canPublishData });
  return at.toJwt();
}

async function connect(identity: string, room: string, canPublishData = false): Promise<Room> {
  const lk = await benchLiveKit();
  const r = new Room();
  const connecting = r.connect(lk.url, await token(identity, room, canPublishData), {
    autoSubscribe: false,
    dynacast: false,
  });
  dropNativeLogEvents();
  await connecting;
  return r;
}

/**
 * Calls `cb` with every state a client comes to hold, as the meeting clients do: an embedded state,
 * changes applied to the version held, or a fetch when the changes start from another version.
 */
function onState(r: Room, seeded: Seeded, sessionToken: string, cb: (s: MeetingState) => void) {
  let held: MeetingState | null = null;
  const hold = (s: MeetingState) => {
    held = newestState(held, s);
    cb(held);
  };
  r.on(RoomEvent.DataReceived, (payload: Uint8Array, _p, _k, topic) => {
    if (topic !== 'state') return;
    const action = actionForMessage(held, decodePayload(payload));
    if (action.kind === 'apply') hold(action.state);
    else if (action.kind === 'fetch')
      void api(seeded, sessionToken, 'GET', '/state').then((s) => hold(s as MeetingState));
  });
}

/** Baseline latencies (ms, sorted) of one small data message from one rtc-node client to another. */
interface Baseline {
  /** To an rtc-node client in this process (the hand raise's receiver: the chair's client). */
  node: number[];
  /** To a pion client in the Go process (the vote result's receivers), when they are Go. */
  go?: number[];
}

/**
 * Baseline: one client sends a small data message, another receives it; latency per message. With
 * the Go receivers, the same messages are timed at a pion client too (index 0 of `go`'s tokens).
 */
async function dataBaseline(room: string, n: number, go?: GoListeners): Promise<Baseline> {
  const a = await connect('bench:a', room, true);
  const b = await connect('bench:b', room);
  const lat: number[] = [];
  const goLat: number[] = [];
  let goWaiting: { topic: string; resolve: (at: number) => void } | undefined;
  go?.onData((r) => {
    if (r.i === 0 && r.topic === goWaiting?.topic) goWaiting.resolve(r.at);
  });
  try {
    for (let i = 0; i < n; i++) {
      const got = new Promise<void>((resolve) => {
        const h = (_payload: Uint8Array, _p: unknown, _k: unknown, topic?: string) => {
          if (topic === `t${i}`) {
            b.off(RoomEvent.DataReceived, h);
            resolve();
          }
        };
        b.on(RoomEvent.DataReceived, h);
      });
      const goGot = go
        ? new Promise<number>((resolve) => (goWaiting = { topic: `t${i}`, resolve }))
        : undefined;
      const t0 = performance.now();
      await a.localParticipant!.publishData(new TextEncoder().encode('{"version":1}'), {
        reliable: true,
        topic: `t${i}`,
      });
      await got;
      lat.push(performance.now() - t0);
      if (goGot) {
        const at = await Promise.race([goGot, sleep(5000).then(() => NaN)]);
        if (!Number.isNaN(at)) goLat.push(at - (performance.timeOrigin + t0));
      }
    }
  } finally {
    await a.disconnect();
    await b.disconnect();
  }
  return {
    node: lat.sort((x, y) => x - y),
    ...(go ? { go: goLat.sort((x, y) => x - y) } : {}),
  };
}

/** Member tokens for the Go receivers: index 0 is the baseline's receiver, 1…CLIENTS the members. */
async function goTokens(seeded: Seeded, baselineRoom: string) {
  return [
    await token('bench:g', baselineRoom),
    ...(await Promise.all(
      seeded.memberIds.slice(0, CLIENTS).map((id) => token(`member:${id}`, seeded.room)),
    )),
  ];
}

export async function benchLiveKitPaths() {
  if (RESULT_CLIENTS !== 'go' && RESULT_CLIENTS !== 'node') {
    throw new Error(`BENCH_RESULT_CLIENTS must be go or node, not ${RESULT_CLIENTS}`);
  }
  const { seeded, stop } = await startServer({ db: 'pglite', members: CLIENTS });
  const baselineRoom = `${seeded.room}-baseline`;
  const clients: Room[] = [];
  let go: GoListeners | undefined;
  try {
    const details: string[] = [];
    if (RESULT_CLIENTS === 'go') {
      const lk = await benchLiveKit();
      const t0 = performance.now();
      go = await startGoListeners(lk.url, await goTokens(seeded, baselineRoom));
      const ok = go.listeners.filter((l) => l.ok);
      const connectMs = ok.map((l) => l.connectMs).sort((a, b) => a - b);
      const clock = await go.clockOffset();
      details.push(
        `${ok.length}/${CLIENTS + 1} pion (Go) receivers connected in ${ms(performance.now() - t0)} (connect p50 ${ms(quantile(connectMs, 0.5))}, ${go.listeners.reduce((x, l) => x + l.retries, 0)} retries)` +
          go.listeners
            .filter((l) => !l.ok)
            .slice(0, 3)
            .map((l) => `; client ${l.n}: ${l.error}`)
            .join(''),
        `clock of the Go process minus the bench's: ${clock.offsetMs.toFixed(2)} ms (ping round trip ${clock.rttMs.toFixed(2)} ms); not corrected`,
      );
    }
    const baseline = await dataBaseline(baselineRoom, RAISES, go);
    const bp50 = quantile(baseline.node, 0.5);
    const bp95 = quantile(baseline.node, 0.95);
    /** The vote result's baseline: the data message to the same kind of client as its receivers. */
    const resultBaseline = baseline.go ?? baseline.node;
    const rbp95 = baseline.go ? quantile(baseline.go, 0.95) : bp95;
    if (baseline.go) {
      details.push(
        `data message baseline (${RAISES} messages from an rtc-node client): to an rtc-node client p50 ${ms(bp50)}, p95 ${ms(bp95)}; to a pion (Go) client p50 ${ms(quantile(baseline.go, 0.5))}, p95 ${ms(rbp95)} (${baseline.go.length}/${RAISES} received)`,
      );
    }

    const chair = session(seeded, seeded.memberIds[0]!, 'chair');
    // --- vote result to 50 clients, over VOTES votes ---
    const arrivals: number[] = [];
    const closeMs: number[] = [];
    /** Receivers that have the current vote's result (or would fetch it), by index. */
    let reached = new Set<number>();
    let closeAt = 0;
    let motionId = '';
    let fetching = 0;
    const fetchReasons = new Map<string, number>();
    /** Go receivers told of each motion (any status): before a close, all have heard the vote. */
    const told = new Map<string, Set<number>>();
    let chairRoom: Room;
    if (go) {
      go.onData((r) => {
        if (r.i === 0 || r.topic !== 'state') return;
        for (const m of r.motions ?? []) {
          if (!told.has(m.id)) told.set(m.id, new Set());
          told.get(m.id)!.add(r.i);
        }
        if (!closeAt || reached.has(r.i)) return;
        if (r.motions?.some((m) => m.id === motionId && m.status === 'closed')) {
          reached.add(r.i);
          arrivals.push(r.at - (performance.timeOrigin + closeAt));
        } else if (r.fetch) {
          // A meeting client would fetch GET /state here: counted apart, not timed.
          reached.add(r.i);
          fetching++;
          fetchReasons.set(r.fetch, (fetchReasons.get(r.fetch) ?? 0) + 1);
        }
      });
      // The chair's screen, for the hand raise: the shared client logic in an rtc-node Room.
      chairRoom = await connect('bench:chair', seeded.room);
    } else {
      for (let i = 0; i < CLIENTS; i++) {
        const r = await connect(`member:${seeded.memberIds[i]}`, seeded.room);
        onState(r, seeded, chair, (s) => {
          const m = s.motions.find((x) => x.id === motionId);
          if (closeAt && m?.status === 'closed' && !reached.has(i)) {
            reached.add(i);
            arrivals.push(performance.now() - closeAt);
          }
        });
        clients.push(r);
      }
      chairRoom = clients[0]!;
    }
    let missed = 0;
    let untold = 0;
    for (let v = 0; v < VOTES; v++) {
      closeAt = 0;
      reached = new Set();
      motionId = await openMotion(seeded, chair);
      for (let i = 0; i < 10; i++) {
        await api(
          seeded,
          session(seeded, seeded.memberIds[i]!),
          'POST',
          `/motions/${motionId}/ballots`,
          { choice: 'for', idempotencyKey: `lk-${i}-${motionId}` },
        );
      }
      // Let the coalesced count announcement go out first.
      await sleep(500);
      if (go) {
        // Every receiver has heard of the open vote (its data channel is up), or 5 s have passed.
        const until = Date.now() + 5000;
        while ((told.get(motionId)?.size ?? 0) < CLIENTS && Date.now() < until) await sleep(20);
        untold += CLIENTS - (told.get(motionId)?.size ?? 0);
      }
      closeAt = performance.now();
      await api(seeded, chair, 'POST', `/motions/${motionId}/close`);
      closeMs.push(performance.now() - closeAt);
      const deadline = Date.now() + 10_000;
      while (reached.size < CLIENTS && Date.now() < deadline) await sleep(20);
      missed += CLIENTS - reached.size;
    }
    arrivals.sort((a, b) => a - b);
    closeMs.sort((a, b) => a - b);
    const p95 = missed === 0 && fetching === 0 ? quantile(arrivals, 0.95) : Infinity;
    const receivers = go
      ? `${CLIENTS} pion (Go) clients in their own process`
      : `${CLIENTS} rtc-node clients in the bench process`;
    if (go) {
      details.push(
        `vote result: ${arrivals.length}/${CLIENTS * VOTES} arrivals, ${fetching} would fetch GET /state (${[...fetchReasons].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}), ${missed} missed; ${untold} receiver-votes had not heard of the open vote before the close`,
      );
    }
    rows.push({
      name: `vote result → ${CLIENTS} LiveKit clients (${VOTES} votes)`,
      figure:
        `first ${ms(arrivals[0]!)}, p50 ${ms(quantile(arrivals, 0.5))}, p95 ${ms(p95)} (${arrivals.length}/${CLIENTS * VOTES} received` +
        (fetching ? `, ${fetching} would fetch` : '') +
        `; ${receivers}); the close request itself p50 ${ms(quantile(closeMs, 0.5))}`,
      baseline: `data message${go ? ' to a pion (Go) client' : ''} p95 ${ms(quantile(resultBaseline, 0.95))}`,
      ratio: `${(p95 / rbp95).toFixed(1)}×`,
      target: 'p95 ≤ 1 s, ratio ≤ 3',
      met: p95 <= 1000 && p95 / rbp95 <= 3,
    });

    // --- hand raise → chair's client sees it in the queue ---
    const raiseLat: number[] = [];
    let waiting: { identity: string; t0: number; done: () => void } | undefined;
    onState(chairRoom, seeded, chair, (s) => {
      if (waiting && s.queue.some((q) => q.identity === waiting!.identity)) {
        raiseLat.push(performance.now() - waiting.t0);
        const w = waiting;
        waiting = undefined;
        w.done();
      }
    });
    for (let i = 0; i < RAISES; i++) {
      const memberId = seeded.memberIds[1 + (i % (CLIENTS - 1))]!;
      const tok = session(seeded, memberId);
      const seen = new Promise<void>((resolve) => {
        waiting = { identity: `member:${memberId}`, t0: performance.now(), done: resolve };
      });
      await api(seeded, tok, 'POST', '/hand', { kind: 'speak' });
      await Promise.race([seen, sleep(5000)]);
      await api(seeded, tok, 'DELETE', '/hand');
    }
    raiseLat.sort((a, b) => a - b);
    const hp95 = raiseLat.length === RAISES ? quantile(raiseLat, 0.95) : Infinity;
    rows.push({
      name: `hand raise → chair's queue (${RAISES} raises)`,
      figure: `p50 ${ms(quantile(raiseLat, 0.5))}, p95 ${ms(hp95)} (${raiseLat.length}/${RAISES} seen)`,
      baseline: `data message p50 ${ms(bp50)}, p95 ${ms(bp95)}`,
      ratio: `${(hp95 / bp95).toFixed(1)}×`,
      target: 'p95 ≤ 300 ms',
      met: hp95 <= 300,
    });
    if (go) await chairRoom.disconnect();
    if (details.length) process.stderr.write(`\n${details.map((d) => `  ${d}`).join('\n')}\n`);
  } finally {
    await Promise.all(clients.map((c) => c.disconnect()));
    await go?.stop();
    await stop();
    await dispose();
  }
}
