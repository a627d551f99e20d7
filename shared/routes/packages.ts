// Route contracts of session packages (bộ tài liệu kỳ họp): the secretariat creates, uploads,
// orders and publishes; readers subscribe with an invitation and download the manifest and files.
import * as packages from '../packages';
import { route } from './route';

const A = '/api/admin';
const staff = 'secretariat staff';

export const packageRoutes = {
  createPackage: route({
    method: 'POST',
    path: `${A}/meetings/:meetingId/packages`,
    auth: 'staff',
    who: staff,
    summary: 'Create a session package for the meeting (a draft until published).',
    body: packages.CreatePackage,
    response: packages.PackageManifest,
    status: 201,
  }),
  packages: route({
    method: 'GET',
    path: `${A}/meetings/:meetingId/packages`,
    auth: 'staff',
    who: staff,
    summary: 'The meeting’s packages.',
    response: packages.PackageList,
  }),
  package: route({
    method: 'GET',
    path: `${A}/packages/:packageId`,
    auth: 'staff',
    who: staff,
    summary: 'A package’s manifest, drafts included.',
    response: packages.PackageManifest,
  }),
  updatePackage: route({
    method: 'PATCH',
    path: `${A}/packages/:packageId`,
    auth: 'staff',
    who: staff,
    summary: 'Rename a package or change who may read it.',
    body: packages.UpdatePackage,
    response: packages.PackageManifest,
  }),
  uploadDocument: route({
    method: 'POST',
    path: `${A}/packages/:packageId/documents`,
    auth: 'staff',
    who: staff,
    summary:
      'Upload a PDF (the body, `Content-Type: application/pdf`; query `title`, `fileName`, `agendaItemId`). Stored by SHA-256; non-PDF and truncated files are refused.',
    query: packages.UploadDocumentQuery,
    response: packages.PackageManifest,
    status: 201,
  }),
  uploadVersion: route({
    method: 'POST',
    path: `${A}/packages/:packageId/documents/:documentId/versions`,
    auth: 'staff',
    who: staff,
    summary:
      'Replace a document with a new version (PDF body; query `reason`, `fileName`). Old versions stay downloadable.',
    query: packages.UploadVersionQuery,
    response: packages.PackageManifest,
    status: 201,
  }),
  orderDocuments: route({
    method: 'PUT',
    path: `${A}/packages/:packageId/order`,
    auth: 'staff',
    who: staff,
    summary: 'Order every document and put each under an agenda item (or none).',
    body: packages.OrderDocuments,
    response: packages.PackageManifest,
  }),
  publishPackage: route({
    method: 'POST',
    path: `${A}/packages/:packageId/publish`,
    auth: 'staff',
    who: staff,
    summary: 'Publish the package: readers see it and every later change.',
    response: packages.PackageManifest,
  }),
  packageLinks: route({
    method: 'GET',
    path: `${A}/packages/:packageId/links`,
    auth: 'staff',
    who: staff,
    summary: 'The package link, its QR codes and one personal link per live invitation.',
    response: packages.PackageLinks,
  }),
  subscribe: route({
    method: 'POST',
    path: '/api/packages/:packageId/subscribe',
    auth: 'public',
    who: 'a delegate with an invitation to the package’s meeting',
    summary:
      'Exchange the invitation for a package reader token (Bearer) for the manifest and files.',
    body: packages.SubscribeRequest,
    response: packages.SubscribeResponse,
  }),
  manifest: route({
    method: 'GET',
    path: '/api/packages/:packageId/manifest',
    auth: 'public',
    who: 'anyone (public package) or a reader token of this package',
    summary: 'The published manifest; ETag, and 304 for a matching If-None-Match.',
    response: packages.PackageManifest,
  }),
  file: route({
    method: 'GET',
    path: '/api/packages/:packageId/files/:sha256',
    auth: 'public',
    who: 'as for the manifest',
    summary: 'One version’s PDF by its SHA-256.',
    response: 'application/pdf',
  }),
  packageQrPng: route({
    method: 'GET',
    path: '/api/packages/:packageId/qr.png',
    auth: 'public',
    who: 'anyone',
    summary: 'QR code of the package link (no credential in it).',
    response: 'image/png',
  }),
  packageQrSvg: route({
    method: 'GET',
    path: '/api/packages/:packageId/qr.svg',
    auth: 'public',
    who: 'anyone',
    summary: 'QR code of the package link (no credential in it).',
    response: 'image/svg+xml',
  }),
};
