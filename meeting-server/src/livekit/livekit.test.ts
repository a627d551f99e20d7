// Integration: a real livekit-server, a real client joining with a token minted by the meeting
// server from an invitation, seen through RoomServiceClient. No mock of LiveKit.
import { Room, dispose } from '@livekit/rtc-node';
import { afterAll, describe, expect, it } from 'vitest';
import { JoinResponse } from '../../../shared/api';
import { ensureDemo } from '../demo';
import { openTestDb } from '../testing/databases';
import { TEST_SECRET, startTestServer } from '../testing/server';

afterAll(async () => {
  await dispose();
});

describe('joining a meeting through LiveKit', () => {
  it('a delegate joins with a server-minted token and the server sees them in the room', async () => {
    const db = await openTestDb('pglite');
    const server = await startTestServer(db);
    try {
      const links = await ensureDemo(db, {
        secret: TEST_SECRET,
        publicUrl: server.url,
        now: Date.now(),
      });
      const delegateLink = links.find((l) => l.label.includes('Trần Thị Bình'))!;
      const invitation = delegateLink.url.split('/j/')[1]!;

      const res = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invitation }),
      });
      expect(res.status).toBe(200);
      const joined = JoinResponse.parse(await res.json());
      expect(joined.canPublish).toBe(true);
      expect(joined.name).toBe('Trần Thị Bình');

      const room = new Room();
      await room.connect(joined.livekitUrl, joined.token, { autoSubscribe: true, dynacast: false });
      try {
        const participants = await server.livekit.rooms.listParticipants(joined.room);
        const me = participants.find((p) => p.identity === joined.identity);
        expect(me?.name).toBe('Trần Thị Bình');
        expect(me?.permission?.canPublish).toBe(true);
        expect(me?.permission?.canPublishData).toBe(false);
        expect(JSON.parse(me?.metadata ?? '{}')).toMatchObject({ role: 'member' });
      } finally {
        await room.disconnect();
      }
    } finally {
      await server.close();
      await db.destroy();
    }
  });

  it('a voter joins listen-only: LiveKit refuses to let them publish', async () => {
    const db = await openTestDb('pglite');
    const server = await startTestServer(db);
    try {
      const links = await ensureDemo(db, {
        secret: TEST_SECRET,
        publicUrl: server.url,
        now: Date.now(),
      });
      const invitation = links.find((l) => l.label.startsWith('Cử tri'))!.url.split('/j/')[1]!;
      const noName = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invitation }),
      });
      expect(noName.status).toBe(400);
      const res = await fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invitation, name: 'Phạm Thị Dung', ward: 'Thôn 3' }),
      });
      const joined = JoinResponse.parse(await res.json());
      expect(joined.canPublish).toBe(false);
      const room = new Room();
      await room.connect(joined.livekitUrl, joined.token, { autoSubscribe: true, dynacast: false });
      try {
        const [me] = await server.livekit.rooms.listParticipants(joined.room);
        expect(me?.identity).toBe(joined.identity);
        expect(me?.permission?.canPublish).toBe(false);
      } finally {
        await room.disconnect();
      }
    } finally {
      await server.close();
      await db.destroy();
    }
  });
});
