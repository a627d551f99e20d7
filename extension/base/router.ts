// Hash routes of the briefcase page: `#/` library, `#/doc/<id>?page=N&q=<words>&ann=<id>` viewer,
// `#/import?url=<pdf>&kind=tab|url` saving a PDF from the web; other paths (`#/search`, `#/notes`,
// `#/backup`) belong to the search helper's panels and are passed through as `other`.
export type Route =
  | { name: 'library' }
  | { name: 'doc'; id: string; page?: number; q?: string; ann?: string }
  | { name: 'import'; url: string; kind: 'url' | 'tab' }
  | { name: 'other'; path: string; params: URLSearchParams };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'library' };
  if (parts[0] === 'doc' && parts[1]) {
    const page = Number(params.get('page'));
    const q = params.get('q')?.trim();
    const ann = params.get('ann')?.trim();
    return {
      name: 'doc',
      id: decodeURIComponent(parts[1]),
      ...(Number.isInteger(page) && page >= 1 ? { page } : {}),
      ...(q ? { q } : {}),
      ...(ann ? { ann } : {}),
    };
  }
  if (parts[0] === 'import' && params.get('url')) {
    return {
      name: 'import',
      url: params.get('url')!,
      kind: params.get('kind') === 'tab' ? 'tab' : 'url',
    };
  }
  return { name: 'other', path: '/' + parts.join('/'), params };
}

export function docHref(
  id: string,
  options: { page?: number; q?: string; ann?: string } = {},
): string {
  const params = new URLSearchParams();
  if (options.page) params.set('page', String(options.page));
  if (options.q) params.set('q', options.q);
  if (options.ann) params.set('ann', options.ann);
  const query = params.toString();
  return `#/doc/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}
