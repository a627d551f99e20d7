// Route contracts of the minutes (biên bản): data, CSV and PDF, for the chair or secretary of the
// meeting (participant session) or the secretariat (staff session).
import type { Role } from '../domain';
import * as admin from '../admin';
import { route } from './route';

const M = '/api/meetings/:meetingId';
const keepers: readonly Role[] = ['chair', 'secretary'];

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
      'The minutes (biên bản) as a Vietnamese PDF with the council’s name and the meeting’s date.',
    response: 'application/pdf',
  }),
};
