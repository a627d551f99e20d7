// Route contracts of the member import from the office's spreadsheet and of the invitation letters
// (issue #14): preview (the .xlsx/.csv bytes; saves nothing), confirm (all rows or none), and the
// letters PDF and links CSV of a meeting's live personal invitations.
import * as memberImport from '../member-import';
import { route } from './route';

const A = '/api/admin';
const staff = 'secretariat staff';

export const memberImportRoutes = {
  previewMemberImport: route({
    method: 'POST',
    path: `${A}/councils/:councilId/members/import/preview`,
    auth: 'staff',
    who: staff,
    summary:
      'Preview a member import: the body is the office’s .xlsx or .csv file (up to 5 MB, Content-Type of a spreadsheet); answers every row with its values and errors. Saves nothing.',
    response: memberImport.ImportPreview,
    upload: '.xlsx or .csv',
  }),
  confirmMemberImport: route({
    method: 'POST',
    path: `${A}/councils/:councilId/members/import/confirm`,
    auth: 'staff',
    who: staff,
    summary:
      'Save the previewed rows (checked again; body up to 2 MB): all in one transaction, or none (400 with the rows still in error in `details.rows`).',
    body: memberImport.ConfirmImport,
    response: memberImport.ImportResult,
    status: 201,
  }),
  invitationLetters: route({
    method: 'GET',
    path: `${A}/meetings/:meetingId/invitations/letters.pdf`,
    auth: 'staff',
    who: staff,
    summary:
      'Invitation letters (giấy mời) to print: one page per live personal invitation, with the person’s QR code and link (409 when there is none).',
    response: 'application/pdf',
  }),
  invitationLinks: route({
    method: 'GET',
    path: `${A}/meetings/:meetingId/invitations.csv`,
    auth: 'staff',
    who: staff,
    summary:
      'Name → join link of every live personal invitation, for sending by e-mail or chat (UTF-8 with BOM).',
    response: 'text/csv',
  }),
  voterPoster: route({
    method: 'GET',
    path: `${A}/meetings/:meetingId/invitations/poster.pdf`,
    auth: 'staff',
    who: staff,
    summary:
      'The hall poster of a voter meeting: one A4 or A3 page (query `size`) with the meeting, its time and place (query `place`), short instructions and a large QR code of the public voter link (404 when the meeting has none).',
    query: memberImport.PosterQuery,
    response: 'application/pdf',
  }),
};
