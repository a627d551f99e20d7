// Session packages (bộ tài liệu kỳ họp): contracts between the secretariat's admin API, the public
// package API and the briefcase extension. A package belongs to one meeting; its manifest is one
// small JSON document (documents, versions with SHA-256, agenda order) served with an ETag.
import { InvitationToken } from './api';
import { z } from './zod';

const Id = z.string().min(1).max(100);
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in lowercase hex');

/** Private: delegates with an invitation to the meeting. Public: anyone (published resolutions). */
export const PackageVisibility = z.enum(['private', 'public']);
export type PackageVisibility = z.infer<typeof PackageVisibility>;

export const CreatePackage = z.object({
  title: z.string().trim().min(1, 'title required').max(300),
  visibility: PackageVisibility.default('private'),
});
export type CreatePackage = z.infer<typeof CreatePackage>;

export const UpdatePackage = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  visibility: PackageVisibility.optional(),
});

/** Query of `POST …/documents` (the body is the PDF itself, `Content-Type: application/pdf`). */
export const UploadDocumentQuery = z.object({
  title: z.string().trim().min(1, 'title required').max(500),
  fileName: z.string().trim().min(1).max(255).optional(),
  agendaItemId: Id.optional(),
});

/** Query of `POST …/documents/:documentId/versions`: the replacement PDF and a short reason. */
export const UploadVersionQuery = z.object({
  reason: z.string().trim().min(1, 'reason required').max(300),
  fileName: z.string().trim().min(1).max(255).optional(),
});

/** Puts the documents in this order, each under an agenda item (or none). */
export const OrderDocuments = z.object({
  documents: z
    .array(z.object({ id: Id, agendaItemId: Id.nullable() }))
    .min(1)
    .max(500),
});
export type OrderDocuments = z.infer<typeof OrderDocuments>;

export const PackageVersion = z.object({
  number: z.number().int().min(1),
  sha256: Sha256,
  size: z.number().int(),
  fileName: z.string(),
  /** Why this version replaced the previous one (null for the first). */
  reason: z.string().nullable(),
  createdAt: z.string(),
  /** Download path relative to the package API: `files/<sha256>`. */
  path: z.string(),
});
export type PackageVersion = z.infer<typeof PackageVersion>;

export const PackageDocument = z.object({
  id: z.string(),
  title: z.string(),
  agendaItemId: z.string().nullable(),
  position: z.number().int(),
  /** The current version's number (the highest). */
  current: z.number().int(),
  /** Every version, oldest first; all stay downloadable. */
  versions: z.array(PackageVersion).min(1),
});
export type PackageDocument = z.infer<typeof PackageDocument>;

export const PackageManifest = z.object({
  id: z.string(),
  title: z.string(),
  visibility: PackageVisibility,
  /** Null while the secretariat is still preparing it (only staff see a draft). */
  publishedAt: z.string().nullable(),
  /** Increases with every change after publication. */
  revision: z.number().int(),
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    councilName: z.string(),
  }),
  agenda: z.array(z.object({ id: z.string(), position: z.number().int(), title: z.string() })),
  documents: z.array(PackageDocument),
});
export type PackageManifest = z.infer<typeof PackageManifest>;
export const PackageList = z.array(
  PackageManifest.omit({ agenda: true, documents: true, meeting: true }),
);

/** A delegate exchanges their invitation for a package reader token (minted by the server). */
export const SubscribeRequest = z.object({ invitation: InvitationToken });
export const SubscribeResponse = z.object({
  /** Send as `Authorization: Bearer …` to read the manifest and files. */
  readerToken: z.string(),
  expiresAt: z.string(),
  name: z.string().nullable(),
});
export type SubscribeResponse = z.infer<typeof SubscribeResponse>;

/** Links the secretariat hands out: the package link (QR) and one personal link per invitation. */
export const PackageLinks = z.object({
  url: z.string(),
  qrPng: z.string(),
  qrSvg: z.string(),
  personal: z.array(
    z.object({ invitationId: z.string(), name: z.string().nullable(), url: z.string() }),
  ),
});
export type PackageLinks = z.infer<typeof PackageLinks>;

/**
 * Who has downloaded what: every delegate invited to the package's meeting (not the public voter
 * link), with each version they fetched through their package link (the briefcase extension).
 */
export const PackageDownloads = z.object({
  readers: z.array(
    z.object({
      invitationId: z.string(),
      name: z.string().nullable(),
      role: z.enum(['chair', 'secretary', 'member', 'guest']),
      revoked: z.boolean(),
      downloads: z.array(
        z.object({
          documentId: z.string(),
          /** The version number of that document whose file was fetched. */
          version: z.number().int().min(1),
          firstAt: z.string(),
          lastAt: z.string(),
          times: z.number().int().min(1),
        }),
      ),
    }),
  ),
});
export type PackageDownloads = z.infer<typeof PackageDownloads>;

/** A pasted web address (spaces around it allowed), if it is an http(s) one; null otherwise. */
export function httpUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * A package link: `<origin>/p/<packageId>`, optionally with the delegate's invitation in the
 * fragment (`#i=<token>`, never sent to the server in the page request). Null if not one.
 */
export function parsePackageLink(
  raw: string,
): { origin: string; packageId: string; invitation: string | null } | null {
  const url = httpUrl(raw);
  if (!url) return null;
  const m = /^\/p\/([A-Za-z0-9_-]{6,100})\/?$/.exec(url.pathname);
  if (!m) return null;
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const inv = fragment.get('i');
  const invitation = inv && InvitationToken.safeParse(inv).success ? inv : null;
  return { origin: url.origin, packageId: m[1]!, invitation };
}
