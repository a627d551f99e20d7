// The staff app's calls for members one at a time, the minutes, the audit log, staff accounts and
// the voter poster (the rest are in api.ts): each through its route contract, so only the documented API.
import type { AuditQuery, SaveMinutesRecord } from '../../../../shared/admin';
import { pathOf, type CallArgs } from '../../../../shared/api-client';
import { adminRoutes as admin } from '../../../../shared/routes/admin';
import { memberImportRoutes as imports } from '../../../../shared/routes/member-import';
import { minutesRoutes as minutes } from '../../../../shared/routes/minutes';
import { staffRoutes as staff } from '../../../../shared/routes/staff';
import { call } from './api';

const m = (meetingId: string) => ({ meetingId });

export const moreApi = {
  updateMember: (memberId: string, body: CallArgs<typeof admin.updateMember>['body']) =>
    call(admin.updateMember, { params: { memberId }, body }),
  minutes: (meetingId: string) => call(minutes.minutesJson, { params: m(meetingId) }),
  minutesRecord: (meetingId: string) => call(minutes.minutesRecord, { params: m(meetingId) }),
  saveMinutesRecord: (meetingId: string, body: SaveMinutesRecord) =>
    call(minutes.saveMinutesRecord, { params: m(meetingId), body }),
  finaliseMinutes: (meetingId: string) => call(minutes.finaliseMinutes, { params: m(meetingId) }),
  audit: (query: Partial<AuditQuery>) => call(staff.auditLog, { query }),
  updateStaffUser: (userId: string, body: CallArgs<typeof staff.updateStaffUser>['body']) =>
    call(staff.updateStaffUser, { params: { userId }, body }),
  /** Same-origin GET links (the session cookie goes with them). */
  minutesPdfUrl: (meetingId: string) => pathOf(minutes.minutesPdf, { params: m(meetingId) }),
  minutesCsvUrl: (meetingId: string) => pathOf(minutes.minutesCsv, { params: m(meetingId) }),
  minutesDocxUrl: (meetingId: string) => pathOf(minutes.minutesDocx, { params: m(meetingId) }),
  posterUrl: (meetingId: string, size: 'a4' | 'a3', place: string) =>
    pathOf(imports.voterPoster, {
      params: m(meetingId),
      query: { size, ...(place.trim() ? { place: place.trim() } : {}) },
    }),
};
