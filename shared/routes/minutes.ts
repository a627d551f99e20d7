// Route contracts of the minutes (biên bản): data, CSV and PDF, for the chair or secretary of the
// meeting (participant session) or the secretariat (staff session).
import type { Role } from '../domain';
import * as admin from '../admin';
import { route } from './route';

const M = '/api/meetings/:meetingId';
const keepers: readonly Role[] = ['chair', 'secretary'];
const secretary: readonly Role[] = ['secretary'];

export const minutesRoutes = {
  minutesJson: route({
    method: 'GET',
    path: `${M}/minutes.json`,
    auth: 'participant or staff',
    roles: keepers,
    summary:
      'The minutes as data: attendance with times, speakers, motions with results (named list for open votes), petitions.',
    response: admin.Minutes,
  }),
  minutesCsv: route({
    method: 'GET',
    path: `${M}/minutes.csv`,
    auth: 'participant or staff',
    roles: keepers,
    summary: 'The minutes as one CSV table (UTF-8 with BOM).',
    response: 'text/csv',
  }),
  minutesPdf: route({
    method: 'GET',
    path: `${M}/minutes.pdf`,
    auth: 'participant or staff',
    roles: keepers,
    summary:
      'The official minutes (biên bản, Decree 30/2020/NĐ-CP format) as PDF: the draft, or once finalised the file as issued.',
    response: 'application/pdf',
  }),
  minutesDocx: route({
    method: 'GET',
    path: `${M}/minutes.docx`,
    auth: 'participant or staff',
    roles: keepers,
    summary:
      'The official minutes as .docx (Word): the draft, or once finalised the file as issued.',
    response: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  }),
  minutesRecord: route({
    method: 'GET',
    path: `${M}/minutes/record`,
    auth: 'participant or staff',
    roles: keepers,
    summary:
      'The secretary’s parts of the minutes: number and symbol, place, conclusion per agenda item, closing; whether final, with the SHA-256 of the issued files.',
    response: admin.MinutesRecord,
  }),
  saveMinutesRecord: route({
    method: 'PUT',
    path: `${M}/minutes/record`,
    auth: 'participant or staff',
    roles: secretary,
    summary: 'Save the secretary’s parts of the minutes (409 minutes_final once finalised).',
    body: admin.SaveMinutesRecord,
    response: admin.MinutesRecord,
  }),
  finaliseMinutes: route({
    method: 'POST',
    path: `${M}/minutes/finalise`,
    auth: 'participant or staff',
    roles: secretary,
    summary:
      'Finalise the minutes once the meeting has ended: the .pdf and .docx are stored as issued, their SHA-256 recorded in the audit log, and the minutes locked.',
    response: admin.MinutesRecord,
  }),
};
