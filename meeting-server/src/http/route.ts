// A route of the server: a contract from shared/routes bound to its handler. The handler gets the
// path parameters, the body and the query already checked against the contract's schemas, and
// answers by returning the JSON value (or `reply(status, value)`, or SENT when it wrote a file or a
// stream itself). http/mount.ts mounts every definition the same way.
import type { Request, Response } from 'express';
import type { PathParams, RouteContract } from '../../../shared/routes/route';
import type { z } from '../../../shared/zod';

/** Returned by a handler that has answered itself (files, images, streams, 304s). */
export const SENT: unique symbol = Symbol('sent');

/** A JSON answer with a status other than the contract's. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
export const reply = (status: number, body: unknown) => new Reply(status, body);

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
/* eslint-disable @typescript-eslint/no-explicit-any -- positions the context does not read */
type BodyOf<C> = C extends RouteContract<string, infer B, any, any> ? Parsed<B> : never;
type QueryOf<C> = C extends RouteContract<string, any, infer Q, any> ? Parsed<Q> : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface RouteContext<C extends RouteContract> {
  req: Request;
  res: Response;
  params: PathParams<C['path']>;
  body: BodyOf<C>;
  query: QueryOf<C>;
}

export interface RouteOptions {
  /**
   * Runs after authentication and the role check, before the body is checked: headers every
   * answer needs (CORS) and rate limits counted whatever the body holds.
   */
  before?: (req: Request, res: Response) => void | Promise<void>;
  /** Not audited even for the chair and secretary (ballots: a secret vote stays secret). */
  audit?: false;
  /** The 403 message for a participant role the contract does not allow. */
  refused?: { vi: string; en: string };
  /**
   * The route takes a body larger than the app's 64 KB JSON limit, up to this many bytes: it is
   * mounted before the app's JSON parser, refused by Content-Length before anything else, and its
   * JSON body (if the contract has one) is read after authentication, inside the handler's audit
   * context. A route whose body is not JSON reads it itself with `readRawBody`.
   */
  maxBodyBytes?: number;
}

export interface RouteDef {
  contract: RouteContract;
  handler: (ctx: RouteContext<RouteContract>) => unknown;
  options: RouteOptions;
}

/** Binds a handler to its contract. */
export function defineRoute<C extends RouteContract>(
  contract: C,
  handler: (ctx: RouteContext<C>) => unknown,
  options: RouteOptions = {},
): RouteDef {
  return {
    contract,
    handler: handler as unknown as RouteDef['handler'],
    options,
  };
}
