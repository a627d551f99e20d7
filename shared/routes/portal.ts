// Route contracts of the council's public page (/cong-khai): read-only, no sign-in, no cookie,
// rate-limited per IP like the other public routes.
import * as portal from '../portal';
import { route } from './route';

export const portalRoutes = {
  portalCouncils: route({
    method: 'GET',
    path: '/api/public/councils',
    auth: 'public',
    who: 'anyone (rate-limited per IP)',
    summary: 'The councils of this server (name and level).',
    response: portal.PortalCouncils,
  }),
  portal: route({
    method: 'GET',
    path: '/api/public/councils/:councilId/portal',
    auth: 'public',
    who: 'anyone (rate-limited per IP)',
    summary:
      'The council’s public page: upcoming meetings (voter meetings with their public link and QR), published packages and the results of closed votes of every kind (figures only, never a ballot).',
    response: portal.Portal,
  }),
};
