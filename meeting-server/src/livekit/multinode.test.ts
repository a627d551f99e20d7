// LiveKit in its own multi-node mode: two real livekit-server nodes sharing Redis. Participants
// connected to different nodes meet in one room, and a server data message reaches both.
import { Room, RoomEvent, dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveKit } from './livekit';
import { startLocalLiveKit, type LocalLiveKit } from './local-server';

const REDIS = process.env.TEST_REDIS ?? '127.0.0.1:6379';
const base = Number(process.env.TEST_LIVEKIT_PORT ?? 17880) + 40;

describe('LiveKit multi-node with Redis', () => {
  let nodes: LocalLiveKit[] = [];

  beforeAll(async () => {
    nodes = await Promise.all(
      [base, base + 5].map((port) => startLocalLiveKit({ port, redis: REDIS, redisDb: 3 })),
    );
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await dispose();
  });

  it('two participants on two nodes see each other and both receive a server data message', async () => {
    const [a, b] = nodes.map((n) => createLiveKit(n)) as [
      ReturnType<typeof createLiveKit>,
      ReturnType<typeof createLiveKit>,
    ];
    const room = `multinode-${Date.now()}`;
    const tokenA = await a.mintToken({
      identity: 'member:a',
      name: 'Đại biểu A',
      room,
      role: 'member',
      canPublish: true,
    });
    const tokenB = await b.mintToken({
      identity: 'member:b',
      name: 'Đại biểu B',
      room,
      role: 'member',
      canPublish: true,
    });

    const roomA = new Room();
    const roomB = new Room();
    await roomA.connect(a.url, tokenA.token, { autoSubscribe: true, dynacast: false });
    await roomB.connect(b.url, tokenB.token, { autoSubscribe: true, dynacast: false });
    try {
      await expect
        .poll(() => [...roomA.remoteParticipants.keys()], { timeout: 10_000 })
        .toContain('member:b');
      await expect
        .poll(() => [...roomB.remoteParticipants.keys()], { timeout: 10_000 })
        .toContain('member:a');

      // Either node's API sees the whole room.
      const viaA = (await a.rooms.listParticipants(room)).map((p) => p.identity).sort();
      const viaB = (await b.rooms.listParticipants(room)).map((p) => p.identity).sort();
      expect(viaA).toEqual(['member:a', 'member:b']);
      expect(viaB).toEqual(viaA);

      const received: string[] = [];
      const listen = (r: Room, who: string) =>
        r.on(RoomEvent.DataReceived, (payload: Uint8Array, _p, _k, topic) => {
          if (topic === 'state') received.push(`${who}:${new TextDecoder().decode(payload)}`);
        });
      listen(roomA, 'a');
      listen(roomB, 'b');
      await a.rooms.sendData(room, new TextEncoder().encode('{"version":7}'), 0, {
        topic: 'state',
      });
      await expect
        .poll(() => received.sort(), { timeout: 10_000 })
        .toEqual(['a:{"version":7}', 'b:{"version":7}']);
    } finally {
      await roomA.disconnect();
      await roomB.disconnect();
    }
  });
});
