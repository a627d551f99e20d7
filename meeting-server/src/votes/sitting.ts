// The sitting's status (scheduled → open → closed), with the rules around the votes: opening needs
// the quorum (except a voter meeting, where voters are not counted), and closing the meeting closes
// every vote still open, so no ballot is accepted once it has ended. Every status change goes
// through here: the chair's in-meeting route and the admin PATCH alike.
import type { MeetingStatus } from '../../../shared/domain';
import type { LiveDeps } from '../live/context';
import { storeMeetingStatus } from '../live/meeting';
import { attendanceOf, loadMeeting } from '../live/state';
import { closeOpenMotions, noQuorum } from './service';

export async function setMeetingStatus(deps: LiveDeps, meetingId: string, status: MeetingStatus) {
  const meeting = await loadMeeting(deps.db, meetingId);
  if (status === 'open' && meeting.status !== 'open' && meeting.kind !== 'voter') {
    const attendance = await attendanceOf(deps.db, meeting, deps.now());
    if (!attendance.quorum) throw noQuorum(attendance);
  }
  await storeMeetingStatus(deps, meetingId, status);
  // After the status: a vote can no longer be opened, and each open one is closed with its result
  // (ballots in flight are counted or refused, as for any close).
  if (status === 'closed') await closeOpenMotions(deps, meetingId);
}
