// The demo council that `npm start` seeds on first run: a commune council with a chair, two
// delegates, a secretariat officer, a session sitting and a voter meeting, and the invitation links
// to try them (one per staff role, as the secretariat would send them); and a demo secretariat
// account for the staff app.
import { createHmac } from 'node:crypto';
import type { Db } from './db/database';
import { hashPassword } from './staff/passwords';
import { findStaffByEmail, insertStaffUser } from './staff/store';
import { invitationToken } from './invitations/service';
import {
  addMember,
  createBody,
  createCouncil,
  createInvitation,
  createMeeting,
} from './meetings/store';

export interface DemoLink {
  label: string;
  url: string;
}

const DAY = 24 * 3600 * 1000;

/** The demo's secretariat officer: staff, not a member of the council (never votes). */
const SECRETARY_NAME = 'Phạm Thu Hà';

export async function ensureDemo(
  db: Db,
  opts: { secret: string; publicUrl: string; now: number },
): Promise<DemoLink[]> {
  const seeded = await db.query<{ value: string }>(
    "SELECT value FROM server_settings WHERE key = 'demo'",
  );
  let ids: Record<string, string>;
  if (seeded[0]) {
    ids = JSON.parse(seeded[0].value) as Record<string, string>;
  } else {
    ids = await db.transaction(async (tx) => {
      const councilId = await createCouncil(tx, {
        name: 'HĐND xã Minh Khai (demo)',
        level: 'commune',
        totalMembers: 3,
      });
      const chair = await addMember(tx, {
        councilId,
        fullName: 'Nguyễn Văn An',
        delegateGroup: 'Tổ 1',
      });
      const d1 = await addMember(tx, {
        councilId,
        fullName: 'Trần Thị Bình',
        delegateGroup: 'Tổ 1',
      });
      const d2 = await addMember(tx, {
        councilId,
        fullName: 'Lê Văn Cường',
        delegateGroup: 'Tổ 2',
      });
      const bodyId = await createBody(tx, {
        councilId,
        kind: 'council',
        name: 'HĐND xã',
        memberIds: [chair, d1, d2],
      });
      const start = new Date(opts.now);
      const sitting = await createMeeting(tx, {
        councilId,
        bodyId,
        kind: 'session',
        title: 'Kỳ họp thứ nhất — phiên toàn thể',
        startsAt: start,
        agenda: ['Khai mạc kỳ họp', 'Dự thảo nghị quyết về dự toán ngân sách năm 2027', 'Bế mạc'],
      });
      const voterMeeting = await createMeeting(tx, {
        councilId,
        bodyId,
        kind: 'voter',
        title: 'Tiếp xúc cử tri trước kỳ họp',
        startsAt: start,
        agenda: ['Báo cáo dự kiến nội dung kỳ họp', 'Cử tri phát biểu, kiến nghị'],
      });
      const expiresAt = new Date(opts.now + 365 * DAY);
      const result = {
        sitting,
        voterMeeting,
        chair: await createInvitation(tx, {
          meetingId: sitting,
          role: 'chair',
          memberId: chair,
          expiresAt,
        }),
        delegate1: await createInvitation(tx, {
          meetingId: sitting,
          role: 'member',
          memberId: d1,
          expiresAt,
        }),
        delegate2: await createInvitation(tx, {
          meetingId: sitting,
          role: 'member',
          memberId: d2,
          expiresAt,
        }),
        voterChair: await createInvitation(tx, {
          meetingId: voterMeeting,
          role: 'chair',
          memberId: chair,
          expiresAt,
        }),
        voter: await createInvitation(tx, { meetingId: voterMeeting, role: 'voter', expiresAt }),
        secretary: await createInvitation(tx, {
          meetingId: sitting,
          role: 'secretary',
          displayName: SECRETARY_NAME,
          expiresAt,
        }),
      };
      await tx.query("INSERT INTO server_settings (key, value) VALUES ('demo', $1)", [
        JSON.stringify(result),
      ]);
      return result;
    });
  }
  if (!ids.secretary) {
    // A demo seeded before the secretary link existed gets one now.
    const withSecretary = {
      ...ids,
      secretary: await createInvitation(db, {
        meetingId: ids.sitting!,
        role: 'secretary',
        displayName: SECRETARY_NAME,
        expiresAt: new Date(opts.now + 365 * DAY),
      }),
    };
    await db.query("UPDATE server_settings SET value = $1 WHERE key = 'demo'", [
      JSON.stringify(withSecretary),
    ]);
    ids = withSecretary;
  }
  const rows = await db.query<{ id: string; meeting_id: string; expires_at: Date }>(
    'SELECT id, meeting_id, expires_at FROM invitations WHERE id = ANY($1)',
    [Object.values(ids)],
  );
  const link = (key: string) => {
    const row = rows.find((r) => r.id === ids[key]);
    if (!row) throw new Error(`demo invitation ${key} is missing`);
    const token = invitationToken(opts.secret, {
      id: row.id,
      meetingId: row.meeting_id,
      expiresAt: new Date(row.expires_at),
    });
    return `${opts.publicUrl}/j/${token}`;
  };
  return [
    { label: 'Chủ tọa / Chair (Nguyễn Văn An)', url: link('chair') },
    { label: 'Đại biểu / Delegate (Trần Thị Bình)', url: link('delegate1') },
    { label: 'Đại biểu / Delegate (Lê Văn Cường)', url: link('delegate2') },
    { label: `Thư ký / Secretary (${SECRETARY_NAME})`, url: link('secretary') },
    { label: 'Cử tri / Voter (tiếp xúc cử tri)', url: link('voter') },
    { label: 'Chủ tọa buổi tiếp xúc cử tri / Chair of the voter meeting', url: link('voterChair') },
  ];
}

/** The demo's secretariat account (staff, not an administrator) that `npm start` prints. */
export const DEMO_STAFF_EMAIL = 'vanphong@xa-minhkhai.example';

/**
 * Creates the demo secretariat account if it is missing and returns its credentials. The password
 * is derived from the app secret, so it differs per data folder and can be printed at every start
 * without being stored.
 */
export async function ensureDemoStaff(
  db: Db,
  secret: string,
): Promise<{ email: string; password: string }> {
  const password = `Demo-${createHmac('sha256', secret).update('demo-staff-password').digest('base64url').slice(0, 16)}`;
  if (!(await findStaffByEmail(db, DEMO_STAFF_EMAIL))) {
    await insertStaffUser(db, {
      email: DEMO_STAFF_EMAIL,
      fullName: SECRETARY_NAME,
      passwordHash: await hashPassword(password),
      isAdmin: false,
    });
  }
  return { email: DEMO_STAFF_EMAIL, password };
}
