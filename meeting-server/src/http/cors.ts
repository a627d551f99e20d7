// CORS for the participant API, so the briefcase extension's side panel (a chrome-extension://
// page) can join and take part: the invitation lookup, join, session refresh and the in-meeting
// routes (and the delegate's own leave request and participation record). They are authorised by the Bearer participant session alone, never by a cookie, so any
// origin may read the answers (`*`, no credentials), as for the package reader API. Staff routes
// (cookie sessions) are not opened.
import type { NextFunction, Request, Response } from 'express';

/** The participant routes that answer cross-origin requests. */
const PARTICIPANT_PATHS = [
  /^\/api\/invitations\/[^/]+$/,
  /^\/api\/join$/,
  /^\/api\/session\/refresh$/,
  /^\/api\/meetings\/[^/]+\/(state|hand|leave|participation|motions\/[^/]+\/(ballots|my-ballot)|roll-call\/confirm)$/,
];

export const isParticipantPath = (path: string) => PARTICIPANT_PATHS.some((p) => p.test(path));

/** Adds the CORS headers on participant routes and answers their preflight requests. */
export function participantCors(req: Request, res: Response, next: NextFunction) {
  if (!isParticipantPath(req.path)) return next();
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
  // Clients correct their timers with the server's clock.
  res.setHeader('Access-Control-Expose-Headers', 'Date');
  res.setHeader('Access-Control-Max-Age', '600');
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}
