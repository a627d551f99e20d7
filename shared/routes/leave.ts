// Route contracts of leave requests (xin vắng): the delegate asks and reads the answer (Bearer
// session of their own invitation), the chair of the meeting or the secretariat decides.
import type { Role } from '../domain';
import * as leave from '../leave';
import { route } from './route';

const M = '/api/meetings/:meetingId';
const A = '/api/admin';
const staff = 'secretariat staff';
const delegates: readonly Role[] = ['member', 'chair'];

export const leaveRoutes = {
  requestLeave: route({
    method: 'POST',
    path: `${M}/leave`,
    auth: 'participant',
    roles: delegates,
    who: 'the delegate themself, before the meeting closes',
    summary:
      'Ask to be excused from the meeting, with a reason (asking again replaces the reason).',
    body: leave.RequestLeave,
    response: leave.LeaveRequest,
  }),
  myLeave: route({
    method: 'GET',
    path: `${M}/leave`,
    auth: 'participant',
    roles: delegates,
    summary: 'My leave request for this meeting and its answer, if any.',
    response: leave.MyLeave,
  }),
  meetingLeaveRequests: route({
    method: 'GET',
    path: `${M}/leave-requests`,
    auth: 'participant',
    roles: ['chair', 'secretary'],
    summary: 'The meeting’s leave requests.',
    response: leave.LeaveRequestList,
  }),
  decideLeave: route({
    method: 'POST',
    path: `${M}/leave-requests/:requestId/decision`,
    auth: 'participant',
    roles: ['chair'],
    summary: 'Approve or decline a leave request.',
    body: leave.DecideLeave,
    response: leave.LeaveRequest,
  }),
  adminLeaveRequests: route({
    method: 'GET',
    path: `${A}/meetings/:meetingId/leave-requests`,
    auth: 'staff',
    who: staff,
    summary: 'A meeting’s leave requests.',
    response: leave.LeaveRequestList,
  }),
  adminDecideLeave: route({
    method: 'POST',
    path: `${A}/leave-requests/:requestId/decision`,
    auth: 'staff',
    who: staff,
    summary: 'Approve or decline a leave request.',
    body: leave.DecideLeave,
    response: leave.LeaveRequest,
  }),
};
