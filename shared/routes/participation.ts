// Route contracts of the participation record: the secretariat's table of every delegate (JSON,
// .xlsx and the .docx report), one delegate's record, and the delegate's own record from their meeting session (only
// their own: the member comes from the signed session, never from the request).
import type { Role } from '../domain';
import * as participation from '../participation';
import { route } from './route';

const staff = 'secretariat staff';
const delegates: readonly Role[] = ['member', 'chair'];

export const participationRoutes = {
  participationTable: route({
    method: 'GET',
    path: '/api/admin/councils/:councilId/participation',
    auth: 'staff',
    who: staff,
    summary:
      'Every delegate’s participation for a period (sittings attended, speeches, votes, voter meetings, petitions).',
    query: participation.ParticipationQuery,
    response: participation.ParticipationTable,
  }),
  participationXlsx: route({
    method: 'GET',
    path: '/api/admin/councils/:councilId/participation.xlsx',
    auth: 'staff',
    who: staff,
    summary: 'The participation table as an Excel workbook, for the standing committee.',
    query: participation.ParticipationQuery,
    response: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  participationDocx: route({
    method: 'GET',
    path: '/api/admin/councils/:councilId/participation.docx',
    auth: 'staff',
    who: staff,
    summary:
      'The participation report for the standing committee (.docx): the period, the totals, then each delegate.',
    query: participation.ParticipationQuery,
    response: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  }),
  memberParticipation: route({
    method: 'GET',
    path: '/api/admin/members/:memberId/participation',
    auth: 'staff',
    who: staff,
    summary: 'One delegate’s participation record, with every sitting behind the figures.',
    query: participation.ParticipationQuery,
    response: participation.ParticipationRecord,
  }),
  myParticipation: route({
    method: 'GET',
    path: '/api/meetings/:meetingId/participation',
    auth: 'participant',
    roles: delegates,
    summary:
      'My own participation record in this council (never another delegate’s; a secret vote shows only that I took part).',
    query: participation.ParticipationQuery,
    response: participation.ParticipationRecord,
  }),
};
