// Route contracts of voters' petitions: voters send, the chair and secretary of the meeting read,
// the secretariat classifies, forwards, answers and publishes, anyone reads what was published.
import * as petitions from '../petitions';
import { route } from './route';

const M = '/api/meetings/:meetingId';
const A = '/api/admin';
const staff = 'secretariat staff';

export const petitionRoutes = {
  submitPetition: route({
    method: 'POST',
    path: `${M}/petitions`,
    auth: 'participant',
    roles: ['voter'],
    who: 'voter meetings only',
    summary: 'Send a written petition (rate-limited).',
    body: petitions.SubmitPetition,
    response: petitions.PetitionReceipt,
    status: 201,
  }),
  meetingPetitions: route({
    method: 'GET',
    path: `${M}/petitions`,
    auth: 'participant',
    roles: ['chair', 'secretary'],
    summary: 'The meeting’s petitions.',
    response: petitions.PetitionList,
  }),
  publishedPetitions: route({
    method: 'GET',
    path: '/api/public/meetings/:meetingId/petitions',
    auth: 'public',
    who: 'anyone',
    summary: 'Published petitions with their answers (no names, no contacts).',
    response: petitions.PublishedPetitions,
  }),
  adminMeetingPetitions: route({
    method: 'GET',
    path: `${A}/meetings/:meetingId/petitions`,
    auth: 'staff',
    who: staff,
    summary: 'A meeting’s petitions.',
    response: petitions.PetitionList,
  }),
  publishAnswered: route({
    method: 'POST',
    path: `${A}/meetings/:meetingId/petitions/publish`,
    auth: 'staff',
    who: staff,
    summary: 'Publish every answered petition of the meeting.',
    response: petitions.PublishedCount,
  }),
  petition: route({
    method: 'GET',
    path: `${A}/petitions/:petitionId`,
    auth: 'staff',
    who: staff,
    summary: 'One petition with its history (who, what, when).',
    response: petitions.Petition,
  }),
  classifyPetition: route({
    method: 'POST',
    path: `${A}/petitions/:petitionId/classify`,
    auth: 'staff',
    who: staff,
    summary: 'Set the category.',
    body: petitions.ClassifyPetition,
    response: petitions.Petition,
  }),
  forwardPetition: route({
    method: 'POST',
    path: `${A}/petitions/:petitionId/forward`,
    auth: 'staff',
    who: staff,
    summary: 'Forward to the responsible authority (status forwarded).',
    body: petitions.ForwardPetition,
    response: petitions.Petition,
  }),
  answerPetition: route({
    method: 'POST',
    path: `${A}/petitions/:petitionId/answer`,
    auth: 'staff',
    who: staff,
    summary: 'Record the answer (status answered).',
    body: petitions.AnswerPetition,
    response: petitions.Petition,
  }),
  publishPetition: route({
    method: 'POST',
    path: `${A}/petitions/:petitionId/publish`,
    auth: 'staff',
    who: staff,
    summary: 'Publish (answered only) or withdraw.',
    body: petitions.PublishPetition,
    response: petitions.Petition,
  }),
  councilPetitions: route({
    method: 'GET',
    path: `${A}/councils/:councilId/petitions`,
    auth: 'staff',
    who: staff,
    summary:
      'The petitions board: every petition of the council, newest first, filtered and paged (search without diacritics).',
    query: petitions.PetitionQuery,
    response: petitions.PetitionPage,
  }),
  petitionReportDocx: route({
    method: 'GET',
    path: `${A}/councils/:councilId/petitions/report.docx`,
    auth: 'staff',
    who: staff,
    summary:
      'Báo cáo tổng hợp ý kiến, kiến nghị của cử tri (.docx): the filtered petitions grouped by field and by authority, with their status.',
    query: petitions.PetitionQuery,
    response: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  }),
  petitionReportPdf: route({
    method: 'GET',
    path: `${A}/councils/:councilId/petitions/report.pdf`,
    auth: 'staff',
    who: staff,
    summary: 'The same summary report as a PDF.',
    query: petitions.PetitionQuery,
    response: 'application/pdf',
  }),
  trackPetition: route({
    method: 'GET',
    path: '/api/public/petitions/:ref',
    auth: 'public',
    who: 'anyone with the reference number (rate-limited per IP)',
    summary:
      'Where a petition stands, by its reference number; its text and answer once published, never who sent it.',
    response: petitions.PetitionTrack,
  }),
  councilPublishedPetitions: route({
    method: 'GET',
    path: '/api/public/councils/:councilId/petitions',
    auth: 'public',
    who: 'anyone (rate-limited per IP)',
    summary:
      'The council’s published petitions with their answers, newest first, paged; search without diacritics (no names, no contacts).',
    query: petitions.PublicPetitionQuery,
    response: petitions.PublicPetitionPage,
  }),
};
