// The package API as the briefcase uses it: exchange a package link's invitation for a reader
// token, fetch the manifest cheaply (ETag / If-None-Match → 304) and download one version's PDF
// with progress. `fetch` is passed in; nothing here touches the database.
import { PackageManifest, SubscribeResponse, parsePackageLink } from '../../shared/packages';

export interface PackageAddress {
  origin: string;
  packageId: string;
}

export const apiBase = (a: PackageAddress) => `${a.origin}/api/packages/${a.packageId}/`;

export class PackageHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PackageHttpError';
  }
}

async function failure(res: Response): Promise<PackageHttpError> {
  let message = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { message?: { vi?: string; en?: string } };
    if (body.message?.vi) message = `${body.message.vi} / ${body.message.en ?? ''}`;
  } catch {
    // not JSON: keep the status
  }
  return new PackageHttpError(res.status, message);
}

/** Parses a pasted link and, when it carries an invitation, trades it for a reader token. */
export async function subscribeLink(
  link: string,
  fetchFn: typeof fetch = fetch,
): Promise<PackageAddress & { readerToken: string | null; name: string | null }> {
  const parsed = parsePackageLink(link);
  if (!parsed) throw new PackageHttpError(0, 'not a package link');
  const address = { origin: parsed.origin, packageId: parsed.packageId };
  if (!parsed.invitation) return { ...address, readerToken: null, name: null };
  const res = await fetchFn(`${apiBase(address)}subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invitation: parsed.invitation }),
  });
  if (!res.ok) throw await failure(res);
  const answer = SubscribeResponse.parse(await res.json());
  return { ...address, readerToken: answer.readerToken, name: answer.name };
}

const auth = (token: string | null): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

export type ManifestResult =
  { status: 'unchanged' } | { status: 'changed'; manifest: PackageManifest; etag: string | null };

export async function fetchManifest(
  address: PackageAddress,
  readerToken: string | null,
  etag: string | null,
  fetchFn: typeof fetch = fetch,
): Promise<ManifestResult> {
  const res = await fetchFn(`${apiBase(address)}manifest`, {
    headers: { ...auth(readerToken), ...(etag ? { 'if-none-match': etag } : {}) },
    cache: 'no-store',
  });
  if (res.status === 304) return { status: 'unchanged' };
  if (!res.ok) throw await failure(res);
  return {
    status: 'changed',
    manifest: PackageManifest.parse(await res.json()),
    etag: res.headers.get('etag'),
  };
}

/** Downloads a file, reporting received/total bytes as it arrives. */
export async function downloadFile(
  address: PackageAddress,
  readerToken: string | null,
  path: string,
  onProgress: (received: number, total: number) => void,
  fetchFn: typeof fetch = fetch,
): Promise<Uint8Array> {
  const res = await fetchFn(`${apiBase(address)}${path}`, { headers: auth(readerToken) });
  if (!res.ok || !res.body) throw await failure(res);
  const total = Number(res.headers.get('content-length')) || 0;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total || received);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
