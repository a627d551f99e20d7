// Route contracts of the service and of joining: health, the invitation lobby, joining a meeting
// and renewing the participant session.
import * as api from '../api';
import { ANY_PARTICIPANT, route } from './route';

export const joiningRoutes = {
  health: route({
    method: 'GET',
    path: '/healthz',
    auth: 'public',
    who: 'anyone (load balancers)',
    summary: 'Liveness and database check.',
    response: api.Health,
  }),
  invitation: route({
    method: 'GET',
    path: '/api/invitations/:token',
    auth: 'public',
    who: 'holder of a join link',
    summary: 'What an invitation leads to (the lobby).',
    response: api.InvitationInfo,
  }),
  join: route({
    method: 'POST',
    path: '/api/join',
    auth: 'public',
    who: 'holder of a join link',
    summary: 'Exchange an invitation for a LiveKit token and a participant session.',
    body: api.JoinRequest,
    response: api.JoinResponse,
  }),
  refreshSession: route({
    method: 'POST',
    path: '/api/session/refresh',
    auth: 'participant',
    roles: ANY_PARTICIPANT,
    summary: 'Renew the LiveKit token and the session before they expire.',
    response: api.JoinResponse,
  }),
};
