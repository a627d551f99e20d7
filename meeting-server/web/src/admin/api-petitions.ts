// The petitions board's calls (kiến nghị cử tri), through the route contracts like the rest of the
// staff app (api.ts: same origin, session cookie, CSRF on writes).
import type { PetitionCategory, PetitionQuery } from '../../../../shared/petitions';
import { pathOf } from '../../../../shared/api-client';
import { petitionRoutes as api } from '../../../../shared/routes/petitions';
import { call } from './api';

const p = (petitionId: string) => ({ petitionId });

export type BoardFilters = Partial<Omit<PetitionQuery, 'page' | 'pageSize'>>;

/** Drops empty filters (an empty select or field means "any"). */
export const cleanFilters = (f: BoardFilters): BoardFilters =>
  Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== ''),
  ) as BoardFilters;

export const petitionApi = {
  board: (councilId: string, filters: BoardFilters, page: number, pageSize = 50) =>
    call(api.councilPetitions, {
      params: { councilId },
      query: { ...cleanFilters(filters), page, pageSize },
    }),
  classify: (id: string, category: PetitionCategory) =>
    call(api.classifyPetition, { params: p(id), body: { category } }),
  forward: (id: string, authority: string) =>
    call(api.forwardPetition, { params: p(id), body: { authority } }),
  answer: (id: string, answer: string) =>
    call(api.answerPetition, { params: p(id), body: { answer } }),
  publish: (id: string, published: boolean) =>
    call(api.publishPetition, { params: p(id), body: { published } }),
  /** Same-origin download links of the summary report (GET: the cookie goes, no CSRF needed). */
  reportUrl: (councilId: string, format: 'docx' | 'pdf', filters: BoardFilters) =>
    `/api/admin/councils/${encodeURIComponent(councilId)}/petitions/report.${format}` +
    queryString(cleanFilters(filters)),
  pathOf,
};

function queryString(f: BoardFilters): string {
  const q = new URLSearchParams(f as Record<string, string>).toString();
  return q ? `?${q}` : '';
}
