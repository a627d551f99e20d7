// Calls a route of the meeting server by its contract (shared/routes): the path's parameters are
// filled in, the body and query are typed by the contract's schemas, and a JSON answer is checked
// against its schema and typed by it. Sending and bilingual errors are the meeting client's
// (meeting-client.ts `send`/`call`), so every call fails the same way, in the reader's language.
import type { PathParamNames, PathParams, RouteContract } from './routes/route';
import { fillPath } from './routes/route';
import type { z } from './zod';

/** What the caller transports with: meetingClient's `send` and `call`. */
export interface Transport {
  send(path: string, init?: RequestInit, token?: string): Promise<Response>;
  call<S extends z.ZodType>(
    schema: S,
    path: string,
    init?: RequestInit,
    token?: string,
  ): Promise<z.output<S>>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- positions a type does not read */
type BodyOf<C> =
  C extends RouteContract<string, infer B, any, any> ? (B extends z.ZodType ? B : never) : never;
type QueryOf<C> =
  C extends RouteContract<string, any, infer Q, any> ? (Q extends z.ZodType ? Q : never) : never;
type ResponseOf<C> = C extends RouteContract<string, any, any, infer R> ? R : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The arguments of a call: only those the contract has (params, body, query), plus the token. */
export type CallArgs<C extends RouteContract> = ([PathParamNames<C['path']>] extends [never]
  ? { params?: undefined }
  : { params: PathParams<C['path']> }) &
  ([BodyOf<C>] extends [never] ? { body?: undefined } : { body: z.input<BodyOf<C>> }) &
  ([QueryOf<C>] extends [never] ? { query?: undefined } : { query: z.input<QueryOf<C>> }) & {
    /** The participant session (`Authorization: Bearer …`). */
    token?: string;
  };

/** The answer: the parsed JSON for a schema, the raw Response for a file (PDF, CSV, image). */
export type Answer<C extends RouteContract> =
  ResponseOf<C> extends z.ZodType ? z.output<ResponseOf<C>> : Response;

/** The path of a call, with its parameters and query string. */
export function pathOf(c: RouteContract, args: { params?: object; query?: unknown }): string {
  const path = fillPath(c.path, (args.params ?? {}) as Record<string, string>);
  const query = args.query
    ? new URLSearchParams(
        Object.entries(args.query as Record<string, unknown>).flatMap(([k, v]) =>
          v === undefined || v === null ? [] : [[k, String(v)]],
        ),
      ).toString()
    : '';
  return query ? `${path}?${query}` : path;
}

export function apiClient(transport: Transport) {
  return {
    /** Calls the route `c`; answers as its contract says. */
    call<C extends RouteContract>(c: C, args: CallArgs<C>): Promise<Answer<C>> {
      const init: RequestInit = {
        method: c.method,
        ...(args.body === undefined ? {} : { body: JSON.stringify(args.body) }),
      };
      const path = pathOf(c, args);
      return (
        c.response && typeof c.response === 'object'
          ? transport.call(c.response, path, init, args.token)
          : transport.send(path, init, args.token)
      ) as Promise<Answer<C>>;
    },
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
