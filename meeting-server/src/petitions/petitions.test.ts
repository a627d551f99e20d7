// Voters' petitions end to end on PGlite and PostgreSQL: a voter sends one from the meeting, the
// chair and secretariat see it, staff classify, forward, answer and publish it with every step
// recorded, and the public sees only published petitions without names or contacts.
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/errors';
import {
  Petition,
  PetitionList,
  PetitionReceipt,
  PublishedPetitions,
} from '../../../shared/petitions';
import { bearer, joinAs, ok, useStaffFixture } from '../admin/testing';
import { CLERK } from '../staff/testing';
import { DATABASE_KINDS } from '../testing/databases';
import { TEST_SECRET } from '../testing/server';
import { signParticipant } from '../auth/participant';
import { PETITION_LIMIT } from './service';

const PETITION = {
  name: 'Hoàng Văn Dân',
  ward: 'Thôn Đông',
  contact: '0912 345 678',
  text: 'Đề nghị sửa đoạn đường liên thôn từ cầu Đông đến trường tiểu học, mùa mưa rất lầy lội.',
};

describe.each(DATABASE_KINDS)('petitions on %s', (kind) => {
  const t = useStaffFixture(kind);
  // Tests share the meeting; each starts with no petitions counted against the rate limits.
  beforeEach(async () => {
    await t.db.query('DELETE FROM rate_limits');
  });

  const path = () => `/api/meetings/${t.fx.voterMeeting.id}/petitions`;
  const send = (token: string | undefined, body: unknown = PETITION) =>
    bearer(t.server.url, token)('POST', path(), body);
  const count = async () =>
    Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM petitions'))[0]!.n);

  it('takes a voter’s petition and shows it to the chair and to the secretariat', async () => {
    const receipt = await ok(await send(t.fx.sessions.voter), PetitionReceipt, 201);
    expect(receipt.status).toBe('received');
    const forChair = await ok(
      await bearer(t.server.url, t.fx.sessions.voterChair)('GET', path()),
      PetitionList,
    );
    expect(forChair.find((p) => p.id === receipt.id)).toMatchObject({
      name: 'Hoàng Văn Dân',
      ward: 'Thôn Đông',
      text: PETITION.text,
      status: 'received',
      published: false,
    });
    const forStaff = await ok(
      await t.staff.request('GET', `/api/admin/meetings/${t.fx.voterMeeting.id}/petitions`),
      PetitionList,
    );
    expect(forStaff.map((p) => p.id)).toContain(receipt.id);
  });

  it('refuses petitions from anyone but a voter of this meeting, storing nothing', async () => {
    const before = await count();
    expect((await send(undefined)).status).toBe(401);
    expect((await send('forged.session-token-value')).status).toBe(401);
    expect((await send(t.fx.sessions.voterChair)).status).toBe(403);
    // A session of the sitting presented on the voter meeting's path.
    expect((await send(t.fx.sessions.member)).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses an expired voter session with 401 session_expired, storing nothing', async () => {
    const before = await count();
    const expired = signParticipant(TEST_SECRET, {
      mid: t.fx.voterMeeting.id,
      sub: 'voter:expired',
      role: 'voter',
      memberId: null,
      name: 'Cử tri',
      iid: t.fx.invitations.voter.id,
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const res = await send(expired);
    expect(res.status).toBe(401);
    expect(ApiError.parse(await res.json()).code).toBe('session_expired');
    expect(await count()).toBe(before);
  });

  it('answers 400 for a petition too short, too long or without a name, storing nothing', async () => {
    const before = await count();
    for (const body of [
      { ...PETITION, text: 'ngắn' },
      { ...PETITION, text: 'x'.repeat(5001) },
      { ...PETITION, name: '  ' },
      { text: PETITION.text },
      'not an object',
    ]) {
      const res = await send(t.fx.sessions.voter, body);
      expect(res.status).toBe(400);
      expect(ApiError.parse(await res.json()).code).toBe('bad_request');
    }
    expect(await count()).toBe(before);
  });

  it('limits how many petitions one voter sends in an hour', async () => {
    const voter = await joinAs(t.server.url, t.fx.invitations.voter, 'Cử tri nhiều kiến nghị');
    for (let i = 0; i < PETITION_LIMIT.max; i++) {
      expect((await send(voter.sessionToken)).status).toBe(201);
    }
    const before = await count();
    const res = await send(voter.sessionToken);
    expect(res.status).toBe(429);
    expect(ApiError.parse(await res.json()).message.vi).toMatch(/đợi/);
    expect(await count()).toBe(before);
  });

  it('lets only the chair and secretary of the meeting list petitions', async () => {
    expect((await bearer(t.server.url, t.fx.sessions.voter)('GET', path())).status).toBe(403);
    expect((await bearer(t.server.url, undefined)('GET', path())).status).toBe(401);
    // The chair of the sitting is chair of another meeting: refused here.
    expect((await bearer(t.server.url, t.fx.sessions.chair)('GET', path())).status).toBe(403);
  });

  it('classifies, forwards, answers and publishes, recording who did what', async () => {
    const { id } = await ok(await send(t.fx.sessions.voter), PetitionReceipt, 201);
    const p = `/api/admin/petitions/${id}`;
    await ok(
      await t.staff.request('POST', `${p}/classify`, { category: 'infrastructure' }),
      Petition,
    );
    const forwarded = await ok(
      await t.staff.request('POST', `${p}/forward`, { authority: 'UBND xã Yên Thịnh' }),
      Petition,
    );
    expect(forwarded.status).toBe('forwarded');
    const early = await t.staff.request('POST', `${p}/publish`, { published: true });
    expect(early.status).toBe(409);
    const answered = await ok(
      await t.staff.request('POST', `${p}/answer`, {
        answer: 'UBND xã đã đưa tuyến đường vào kế hoạch sửa chữa quý II năm 2027.',
      }),
      Petition,
    );
    expect(answered.status).toBe('answered');
    const again = await t.staff.request('POST', `${p}/forward`, { authority: 'UBND tỉnh' });
    expect(again.status).toBe(409);
    const published = await ok(
      await t.staff.request('POST', `${p}/publish`, { published: true }),
      Petition,
    );
    expect(published.published).toBe(true);
    const full = await ok(await t.staff.request('GET', p), Petition);
    expect(full.history!.map((h) => [h.action, h.actor])).toEqual([
      ['submitted', 'voter'],
      ['classified', CLERK.email],
      ['forwarded', CLERK.email],
      ['answered', CLERK.email],
      ['published', CLERK.email],
    ]);
    expect(full.history![2]!.detail).toBe('UBND xã Yên Thịnh');
  });

  it('shows the public only published petitions, without name or contact', async () => {
    const hidden = await ok(await send(t.fx.sessions.voter), PetitionReceipt, 201);
    const shown = await ok(await send(t.fx.sessions.voter), PetitionReceipt, 201);
    await t.staff.request('POST', `/api/admin/petitions/${hidden.id}/answer`, {
      answer: 'Đang xem xét.',
    });
    await t.staff.request('POST', `/api/admin/petitions/${shown.id}/answer`, {
      answer: 'Đã lắp đèn chiếu sáng.',
    });
    await t.staff.request('POST', `/api/admin/petitions/${shown.id}/publish`, { published: true });
    const res = await fetch(
      `${t.server.url}/api/public/meetings/${t.fx.voterMeeting.id}/petitions`,
    );
    const page = await ok(res, PublishedPetitions);
    const ids = page.petitions.map((p) => p.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
    expect(page.meeting.councilName).toBe('HĐND xã Yên Thịnh');
    const raw = JSON.stringify(page);
    expect(raw).not.toContain('Hoàng Văn Dân');
    expect(raw).not.toContain('0912 345 678');
    expect(page.petitions.find((p) => p.id === shown.id)!.answer).toBe('Đã lắp đèn chiếu sáng.');
  });

  it('publishes all answered petitions of a meeting at once', async () => {
    const { id } = await ok(await send(t.fx.sessions.voter), PetitionReceipt, 201);
    await t.staff.request('POST', `/api/admin/petitions/${id}/answer`, {
      answer: 'Đã giải quyết.',
    });
    const res = await t.staff.request(
      'POST',
      `/api/admin/meetings/${t.fx.voterMeeting.id}/petitions/publish`,
    );
    expect(((await res.json()) as { published: number }).published).toBeGreaterThanOrEqual(1);
    const page = await ok(
      await fetch(`${t.server.url}/api/public/meetings/${t.fx.voterMeeting.id}/petitions`),
      PublishedPetitions,
    );
    expect(page.petitions.map((p) => p.id)).toContain(id);
    const stillReceived = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM petitions WHERE published AND status <> 'answered'",
    );
    expect(Number(stillReceived[0]!.n)).toBe(0);
  });

  it('answers 400 to malformed staff changes and 404 to unknown petitions', async () => {
    const { id } = await ok(await send(t.fx.sessions.voter), PetitionReceipt, 201);
    const p = `/api/admin/petitions/${id}`;
    expect((await t.staff.request('POST', `${p}/classify`, { category: 'weather' })).status).toBe(
      400,
    );
    expect((await t.staff.request('POST', `${p}/forward`, {})).status).toBe(400);
    expect((await t.staff.request('POST', `${p}/answer`, { answer: 7 })).status).toBe(400);
    expect((await t.staff.request('POST', `${p}/publish`, { published: 'yes' })).status).toBe(400);
    expect((await t.staff.request('GET', '/api/admin/petitions/nope')).status).toBe(404);
    expect((await fetch(`${t.server.url}/api/public/meetings/nope/petitions`)).status).toBe(404);
  });
});
