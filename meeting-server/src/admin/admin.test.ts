// The admin API as the secretariat uses it, on PGlite and PostgreSQL: building a council with its
// members and bodies, meetings with agenda and settings, invitations whose links really join,
// revocation, and the QR code of a voter meeting's public link.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { Body, Invitation, InvitationList, Meeting, Member } from '../../../shared/admin';
import { ApiError } from '../../../shared/errors';
import { DATABASE_KINDS } from '../testing/databases';
import { joinAs, ok, tokenOf, useStaffFixture } from './testing';

describe.each(DATABASE_KINDS)('admin API on %s', (kind) => {
  const t = useStaffFixture(kind);

  it('records committee memberships on the member and on the body', async () => {
    const bình = t.fx.members[1]!;
    const members = await ok(
      await t.staff.request('GET', `/api/admin/councils/${t.fx.council.id}/members`),
      Member.array(),
    );
    const found = members.find((m) => m.id === bình.id)!;
    expect(found.bodyIds.sort()).toEqual([t.fx.councilBody.id, t.fx.committee.id].sort());
    expect(found.delegateGroup).toBe('Tổ 1');
    const bodies = await ok(
      await t.staff.request('GET', `/api/admin/councils/${t.fx.council.id}/bodies`),
      Body.array(),
    );
    expect(bodies.find((b) => b.id === t.fx.committee.id)!.memberIds).toEqual([bình.id]);
  });

  it('records the end of a member’s term and takes it back when entered by mistake', async () => {
    const cường = t.fx.members[2]!;
    const patch = (termEnd: unknown) =>
      t.staff.request('PATCH', `/api/admin/members/${cường.id}`, { termEnd });
    const ended = await ok(await patch({ on: '2026-11-30', reason: 'resigned' }), Member);
    expect(ended.termEnd).toEqual({ on: '2026-11-30', reason: 'resigned' });
    expect((await patch({ on: '0000-01-01', reason: 'died' })).status).toBe(400);
    expect((await patch({ on: '2026-11-30', reason: 'bored' })).status).toBe(400);
    expect((await ok(await patch(null), Member)).termEnd).toBeNull();
  });

  it('adds and edits a member with contact details, keeping phone numbers as digits', async () => {
    const added = await ok(
      await t.staff.request('POST', `/api/admin/councils/${t.fx.council.id}/members`, {
        fullName: 'Phạm Thị Mai',
        delegateGroup: 'Tổ 2',
        dateOfBirth: '1980-03-05',
        unit: 'Trường THCS Minh Khai',
        phone: '+84 912 345 678',
        email: 'Mai@MinhKhai.vn',
      }),
      Member,
      201,
    );
    expect(added).toMatchObject({
      dateOfBirth: '1980-03-05',
      unit: 'Trường THCS Minh Khai',
      phone: '0912345678',
      email: 'mai@minhkhai.vn',
      termEnd: null,
    });
    const patch = (body: unknown) =>
      t.staff.request('PATCH', `/api/admin/members/${added.id}`, body);
    const edited = await ok(await patch({ phone: '0243.826.1234', unit: null }), Member);
    expect(edited).toMatchObject({ phone: '02438261234', unit: null, email: 'mai@minhkhai.vn' });
    const wrong = await patch({ phone: '12345' });
    expect(wrong.status).toBe(400);
    expect(ApiError.parse(await wrong.json()).message.vi).toContain('12345');
    expect((await patch({ email: 'not an address' })).status).toBe(400);
    expect((await patch({ dateOfBirth: '1980-02-30' })).status).toBe(400);
  });

  it('creates a meeting with its agenda in order and the law’s default settings', async () => {
    const m = await ok(
      await t.staff.request('GET', `/api/admin/meetings/${t.fx.sitting.id}`),
      Meeting,
    );
    expect(m.agenda.map((a) => [a.position, a.title])).toEqual([
      [1, 'Khai mạc'],
      [2, 'Thảo luận'],
    ]);
    expect(m.settings).toEqual({
      speakingSecondsMember: 300,
      speakingSecondsVoter: 180,
      quorum: 'two_thirds_of_all',
      defaultRule: 'majority_of_all',
      delegateRemovalRule: 'two_thirds_of_all',
      officeDismissalRule: 'majority_of_all',
    });
    expect(m.councilName).toBe('HĐND xã Yên Thịnh');
  });

  it('reorders, renames and extends the agenda, keeping item ids', async () => {
    const before = t.fx.voterMeeting.agenda;
    const res = await t.staff.request('PUT', `/api/admin/meetings/${t.fx.voterMeeting.id}/agenda`, {
      items: [
        { id: before[1]!.id, title: 'Cử tri phát biểu, kiến nghị' },
        { id: before[0]!.id, title: 'Khai mạc' },
        { title: 'Bế mạc' },
      ],
    });
    const m = await ok(res, Meeting);
    expect(m.agenda.map((a) => a.title)).toEqual([
      'Cử tri phát biểu, kiến nghị',
      'Khai mạc',
      'Bế mạc',
    ]);
    expect(m.agenda[0]!.id).toBe(before[1]!.id);
  });

  it('changes settings while keeping those it was not given', async () => {
    const res = await t.staff.request('PATCH', `/api/admin/meetings/${t.fx.voterMeeting.id}`, {
      settings: { speakingSecondsVoter: 120 },
    });
    const m = await ok(res, Meeting);
    expect(m.settings.speakingSecondsVoter).toBe(120);
    expect(m.settings.speakingSecondsMember).toBe(300);
    // The vote rules a council changes per meeting, kept when another setting changes.
    const path = `/api/admin/meetings/${t.fx.voterMeeting.id}`;
    await ok(
      await t.staff.request('PATCH', path, {
        settings: { defaultRule: 'two_thirds_of_all', officeDismissalRule: 'majority_of_present' },
      }),
      Meeting,
    );
    const after = await ok(
      await t.staff.request('PATCH', path, { settings: { speakingSecondsMember: 240 } }),
      Meeting,
    );
    expect(after.settings).toMatchObject({
      speakingSecondsMember: 240,
      speakingSecondsVoter: 120,
      defaultRule: 'two_thirds_of_all',
      delegateRemovalRule: 'two_thirds_of_all',
      officeDismissalRule: 'majority_of_present',
    });
    const refused = await t.staff.request('PATCH', path, {
      settings: { defaultRule: 'all_of_them' },
    });
    expect(refused.status).toBe(400);
  });

  it('refuses a committee meeting held by the full council, and ids from another council', async () => {
    const bad = await t.staff.request('POST', `/api/admin/councils/${t.fx.council.id}/meetings`, {
      bodyId: t.fx.councilBody.id,
      kind: 'committee',
      title: 'Họp Ban',
      startsAt: '2026-12-02T01:30:00Z',
    });
    expect(bad.status).toBe(400);
    const other = await t.staff.request('POST', '/api/admin/councils', {
      name: 'HĐND xã Khác',
      level: 'commune',
      totalMembers: 15,
    });
    const otherId = ((await other.json()) as { id: string }).id;
    const cross = await t.staff.request('POST', `/api/admin/councils/${otherId}/bodies`, {
      kind: 'committee',
      name: 'Ban lạ',
      memberIds: [t.fx.members[0]!.id],
    });
    expect(cross.status).toBe(400);
    expect(await t.db.query('SELECT 1 FROM bodies WHERE council_id = $1', [otherId])).toEqual([]);
  });

  it('issues personal links that join as the invited person with the invited role', async () => {
    const joined = await joinAs(t.server.url, t.fx.invitations.chair);
    expect(joined.role).toBe('chair');
    expect(joined.name).toBe('Nguyễn Văn An');
    expect(joined.meetingId).toBe(t.fx.sitting.id);
    const secretary = await joinAs(t.server.url, t.fx.invitations.secretary);
    expect(secretary).toMatchObject({ role: 'secretary', name: 'Phạm Thư Ký' });
  });

  it('keeps one public voter link per voter meeting, and none for a sitting', async () => {
    const again = await t.staff.request(
      'POST',
      `/api/admin/meetings/${t.fx.voterMeeting.id}/invitations`,
      { role: 'voter' },
    );
    expect((await ok(again, Invitation)).id).toBe(t.fx.invitations.voter.id);
    const sitting = await t.staff.request(
      'POST',
      `/api/admin/meetings/${t.fx.sitting.id}/invitations`,
      {
        role: 'voter',
      },
    );
    expect(sitting.status).toBe(400);
  });

  it('lists a meeting’s invitations with their links', async () => {
    const list = await ok(
      await t.staff.request('GET', `/api/admin/meetings/${t.fx.sitting.id}/invitations`),
      InvitationList,
    );
    const chair = list.find((i) => i.id === t.fx.invitations.chair.id)!;
    expect(chair).toMatchObject({ role: 'chair', name: 'Nguyễn Văn An', revokedAt: null });
    expect(chair.url).toBe(t.fx.invitations.chair.url);
    expect(chair.url.startsWith(`${t.server.url}/j/`)).toBe(true);
  });

  it('invites every member of the body at once, skipping those already invited', async () => {
    const list = await ok(
      await t.staff.request('POST', `/api/admin/meetings/${t.fx.sitting.id}/invitations/body`, {}),
      InvitationList,
    );
    const members = list.filter((i) => i.memberId && !i.revokedAt).map((i) => i.memberId);
    // An (chair) and Bình (member) were invited already; only Cường is new.
    expect(members.sort()).toEqual(t.fx.members.map((m) => m.id).sort());
  });

  it('serves the voter link as a QR code in PNG and SVG that encodes exactly that link', async () => {
    const png = await fetch(`${t.server.url}/api/meetings/${t.fx.voterMeeting.id}/qr.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    const expected = await QRCode.toBuffer(t.fx.invitations.voter.url, {
      errorCorrectionLevel: 'M',
      margin: 2,
      type: 'png',
      width: 512,
    });
    expect(bytes.equals(expected)).toBe(true);
    const svg = await fetch(`${t.server.url}/api/meetings/${t.fx.voterMeeting.id}/qr.svg`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toBe(
      await QRCode.toString(t.fx.invitations.voter.url, {
        errorCorrectionLevel: 'M',
        margin: 2,
        type: 'svg',
      }),
    );
  });

  it('answers 404 for the QR code of a meeting without a public link', async () => {
    const res = await fetch(`${t.server.url}/api/meetings/${t.fx.sitting.id}/qr.png`);
    expect(res.status).toBe(404);
    expect(ApiError.parse(await res.json()).message.vi).toMatch(/chưa có liên kết công khai/);
  });

  it('revokes an invitation: its link stops joining at once', async () => {
    const extra = await ok(
      await t.staff.request('POST', `/api/admin/meetings/${t.fx.sitting.id}/invitations`, {
        role: 'guest',
        displayName: 'Đại diện UBND xã',
      }),
      Invitation,
      201,
    );
    await joinAs(t.server.url, extra);
    const revoked = await ok(
      await t.staff.request(
        'POST',
        `/api/admin/meetings/${t.fx.sitting.id}/invitations/${extra.id}/revoke`,
      ),
      Invitation,
    );
    expect(revoked.revokedAt).not.toBeNull();
    const res = await fetch(`${t.server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invitation: tokenOf(extra) }),
    });
    expect(res.status).toBe(401);
    expect(ApiError.parse(await res.json()).code).toBe('invitation_revoked');
    // Revoking through another meeting's path finds nothing.
    const wrongMeeting = await t.staff.request(
      'POST',
      `/api/admin/meetings/${t.fx.voterMeeting.id}/invitations/${t.fx.invitations.chair.id}/revoke`,
    );
    expect(wrongMeeting.status).toBe(404);
  });

  it('answers 400, never 500, to malformed admin requests', async () => {
    const c = `/api/admin/councils/${t.fx.council.id}`;
    const m = `/api/admin/meetings/${t.fx.sitting.id}`;
    const cases: [string, string, unknown][] = [
      ['POST', '/api/admin/councils', { name: '', level: 'district', totalMembers: -1 }],
      ['POST', '/api/admin/councils', null],
      ['PATCH', c, { totalMembers: 'many' }],
      ['POST', `${c}/members`, { fullName: 42 }],
      ['POST', `${c}/members`, { fullName: 'X', bodyIds: ['nope'] }],
      ['POST', `${c}/bodies`, { kind: 'club', name: 'X' }],
      [
        'POST',
        `${c}/meetings`,
        { bodyId: t.fx.councilBody.id, kind: 'session', title: 'X', startsAt: 'tomorrow' },
      ],
      ['PATCH', m, { settings: { speakingSecondsMember: 1 } }],
      ['PATCH', m, { status: 'paused' }],
      ['PUT', `${m}/agenda`, { items: [{ id: 'not-an-item', title: 'X' }] }],
      ['POST', `${m}/invitations`, { role: 'member' }],
      ['POST', `${m}/invitations`, { role: 'owner', displayName: 'X' }],
      [
        'POST',
        `${m}/invitations`,
        { role: 'chair', displayName: 'X', expiresAt: '2000-01-01T00:00:00Z' },
      ],
      ['POST', `${m}/invitations`, { role: 'member', memberId: 'someone-else' }],
    ];
    for (const [method, path, body] of cases) {
      const res = await t.staff.request(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(ApiError.parse(await res.json()).message.vi.length).toBeGreaterThan(0);
    }
  });
});
