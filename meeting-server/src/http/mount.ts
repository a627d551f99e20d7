// Mounts every route definition the same way: authentication by the contract's `auth` (guards
// given by the application: participant Bearer session, staff cookie + CSRF on writes,
// administrator; LiveKit webhooks get their raw body), then the role check BEFORE the body is read
// (a refused request changes nothing), then the body and query checked with the contract's zod
// schemas, the handler in the audit context for participant writes, and its answer as JSON with
// the contract's status. Errors go to the error handler (http/errors.ts).
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import type { Role } from '../../../shared/domain';
import type { RouteContract } from '../../../shared/routes/route';
import { refuseDeclaredOver } from './body-limit';
import { badRequest, forbidden, parse } from './errors';
import { Reply, SENT, type RouteDef } from './route';

/** How callers are authenticated; the application builds these from auth/ and staff/. */
export interface Guards {
  /** Verifies the participant session (Bearer) of the request's meeting. */
  participant: RequestHandler;
  /** A signed-in staff user; writes need the CSRF header and are audited. */
  staff: RequestHandler;
  /** A staff administrator. */
  admin: RequestHandler;
  /** The role of the participant `participant` let in. */
  roleOf: (res: Response) => Role;
  /** Runs a participant's write so that its change is audited (chair and secretary). */
  auditParticipant: (req: Request, res: Response, run: () => Promise<unknown>) => Promise<unknown>;
}

const JSON_LIMIT = 64 * 1024;
const WEBHOOK_LIMIT = 256 * 1024;

const roleRefused = {
  vi: 'Vai trò của bạn trong cuộc họp không được làm việc này.',
  en: 'Your role in this meeting does not allow this action.',
};

type Caller = 'participant' | 'staff' | null;

/** Calls `guard`, remembering who it let in (a staff guard continues inside its audit context). */
const as =
  (caller: Caller, guard: RequestHandler): RequestHandler =>
  (req, res, next) =>
    guard(req, res, (err?: unknown) => {
      if (!err) res.locals.caller = caller;
      next(err);
    });

/** The authentication middleware of a contract's `auth`, or none for public and LiveKit routes. */
function authenticate(c: RouteContract, guards: Guards): RequestHandler[] {
  const participant = as('participant', guards.participant);
  const staff = as('staff', guards.staff);
  switch (c.auth) {
    case 'participant':
      return [participant];
    case 'staff':
      return [staff];
    case 'admin':
      return [as('staff', guards.admin)];
    case 'participant or staff':
      // A Bearer session must be a participant with one of the roles; without one, staff.
      return [(req, res, next) => (req.get('authorization') ? participant : staff)(req, res, next)];
    default:
      return [];
  }
}

function handlerOf(def: RouteDef, guards: Guards): RequestHandler {
  const c = def.contract;
  return async (req, res, next) => {
    try {
      const caller = res.locals.caller as Caller | undefined;
      if (caller === 'participant' && !c.roles?.includes(guards.roleOf(res))) {
        const text = def.options.refused ?? roleRefused;
        throw forbidden(text.vi, text.en);
      }
      await def.options.before?.(req, res);
      // A large JSON body is read here, after the caller is known and in the handler's context.
      const max = def.options.maxBodyBytes;
      if (max && c.body && req.is('application/json')) {
        await readBody(req, res, express.json({ limit: max }));
      }
      const body = c.body ? parse(c.body, c.bodyOptional ? (req.body ?? {}) : req.body) : undefined;
      const query = c.query ? parse(c.query, req.query) : undefined;
      const run = async () =>
        def.handler({ req, res, params: req.params as never, body, query } as never);
      const audited = caller === 'participant' && c.method !== 'GET' && def.options.audit !== false;
      const answer = audited ? await guards.auditParticipant(req, res, run) : await run();
      if (answer === SENT) return;
      if (answer instanceof Reply) res.status(answer.status).json(answer.body);
      else res.status(c.status ?? 200).json(answer);
    } catch (err) {
      next(err);
    }
  };
}

/** Runs a body parser as a promise, so the request keeps its async context (the audit's). */
const readBody = (req: Request, res: Response, parser: RequestHandler) =>
  new Promise<void>((resolve, reject) =>
    parser(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
  );

/**
 * The body of a route that takes a non-JSON file (`maxBodyBytes` set): its bytes, if its
 * Content-Type is one of `types`; otherwise a 400 naming what to send.
 */
export async function readRawBody(
  req: Request,
  res: Response,
  types: readonly string[],
  maxBytes: number,
  what: { vi: string; en: string },
): Promise<Uint8Array> {
  if (req.is([...types])) {
    await readBody(req, res, express.raw({ type: () => true, limit: maxBytes }));
  }
  if (!Buffer.isBuffer(req.body) || req.body.length === 0) throw badRequest(what.vi, what.en);
  return new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.length);
}

/**
 * Mounts `defs` on `app`: raw-body routes (LiveKit webhooks) and routes with their own body limit
 * (`maxBodyBytes`) first, then the JSON body parser for /api (64 KB, refused by Content-Length
 * before it is read), then every other route. Returns the
 * contracts mounted, in order (the application keeps them for the route-table test).
 */
export function mountRoutes(app: Express, defs: RouteDef[], guards: Guards): RouteContract[] {
  const add = (def: RouteDef, ...pre: RequestHandler[]) => {
    const method = def.contract.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    app[method](
      def.contract.path,
      ...pre,
      ...authenticate(def.contract, guards),
      handlerOf(def, guards),
    );
  };
  const raw = defs.filter((d) => d.contract.auth === 'livekit');
  for (const def of raw) {
    add(
      def,
      refuseDeclaredOver(WEBHOOK_LIMIT),
      express.raw({ type: '*/*', limit: `${WEBHOOK_LIMIT / 1024}kb` }),
    );
  }
  const large = defs.filter((d) => d.contract.auth !== 'livekit' && d.options.maxBodyBytes);
  for (const def of large) add(def, refuseDeclaredOver(def.options.maxBodyBytes!));
  app.use('/api', (req, res, next) =>
    req.is('application/json') ? refuseDeclaredOver(JSON_LIMIT)(req, res, next) : next(),
  );
  app.use('/api', express.json({ limit: `${JSON_LIMIT / 1024}kb` }));
  const rest = defs.filter((d) => d.contract.auth !== 'livekit' && !d.options.maxBodyBytes);
  for (const def of rest) add(def);
  return [...raw, ...large, ...rest].map((d) => d.contract);
}
