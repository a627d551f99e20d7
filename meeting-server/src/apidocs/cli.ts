// `npm run docs:api`: writes docs/api.md from the route contracts (shared/routes).
import { writeFile } from 'node:fs/promises';
import { API_DOC, apiMarkdown } from './render';
import { ROUTES } from '../../../shared/routes';

await writeFile(API_DOC, await apiMarkdown(ROUTES, API_DOC));
console.log(`Wrote ${API_DOC} (${ROUTES.length} endpoints)`);
