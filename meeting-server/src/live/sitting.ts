// The sitting's status (scheduled → open → closed): opening needs the quorum (except a voter
// meeting, where voters are not counted), and closing the meeting closes every vote still open
// first, so no ballot is accepted once the meeting has ended.
import type { MeetingStatus } from '../../../shared/domain';
import { closeMotion, noQuorum } from '../votes/service';
import type { LiveDeps } from './context';
import { attendanceOf, loadMeeting, mutate } from './state';

export async function setMeetingStatus(deps: LiveDeps, meetingId: string, status: MeetingStatus) {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (status === 'open' && meeting.status !== 'open' && meeting.kind !== 'voter') {
    const attendance = await attendanceOf(deps.db, meeting, deps.now());
    if (!attendance.quorum) throw noQuorum(attendance);
  }
  await mutate(deps, meetingId, async (tx) => {
    const rows = await tx.query(
      'UPDATE meetings SET status = $2 WHERE id = $1 AND status <> $2 RETURNING id',
      [meetingId, status],
    );
    return { value: undefined, changed: rows.length > 0 };
  });
  if (status === 'closed') {
    // After the status: a vote can no longer be opened, and each open one is closed with its
    // result (ballots in flight are counted or refused, as for any close).
    const open = await deps.db.query<{ id: string }>(
      "SELECT id FROM motions WHERE meeting_id = $1 AND status = 'open'",
      [meetingId],
    );
    for (const m of open) await closeMotion(deps, meetingId, m.id, { auto: true });
  }
}
