// The public page's calls: public, read-only routes of shared/routes (no cookie, no token).
import { apiClient } from '../../../../shared/api-client';
import { meetingClient } from '../../../../shared/meeting-client';
import { petitionRoutes as petitions } from '../../../../shared/routes/petitions';
import { portalRoutes as portal } from '../../../../shared/routes/portal';
import { lang } from '../i18n';

const transport = meetingClient({ base: '', lang: () => lang.value });
const client = apiClient({
  send: (path, init, token) => transport.send(path, { ...init, credentials: 'omit' }, token),
  call: (schema, path, init, token) =>
    transport.call(schema, path, { ...init, credentials: 'omit' }, token),
});

export const portalApi = {
  councils: () => client.call(portal.portalCouncils, {}),
  portal: (councilId: string) => client.call(portal.portal, { params: { councilId } }),
  petitions: (councilId: string, q: string, page: number) =>
    client.call(petitions.councilPublishedPetitions, {
      params: { councilId },
      query: { ...(q.trim() ? { q: q.trim() } : {}), page },
    }),
  track: (ref: string) => client.call(petitions.trackPetition, { params: { ref } }),
};
