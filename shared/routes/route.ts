// One HTTP route of the meeting server as both sides see it: method, path, who may call it and the
// zod schemas of its body, query and answer. The server binds a handler to each (http/mount.ts),
// docs/api.md and the in-meeting role matrix are rendered from them, and shared/api-client.ts
// calls them typed, so the four cannot disagree.
import type { Role } from '../domain';
import type { z } from '../zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * public = no authentication; participant = `Authorization: Bearer <sessionToken>` from /api/join
 * (bound to one meeting); staff = secretariat session cookie (+ `x-csrf-token` on writes);
 * admin = a staff administrator; livekit = signed by the LiveKit server (raw body).
 */
export type Auth =
  'public' | 'participant' | 'staff' | 'participant or staff' | 'admin' | 'livekit';

/** Every participant role: routes any participant of the meeting may call. */
export const ANY_PARTICIPANT: readonly Role[] = ['chair', 'secretary', 'member', 'guest', 'voter'];

export interface RouteContract<
  P extends string = string,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | string | undefined = z.ZodType | string | undefined,
> {
  method: Method;
  path: P;
  auth: Auth;
  /**
   * Participant roles that may call it (required for `participant` and `participant or staff`):
   * the role matrix, checked before the body is read, so a refused request changes nothing.
   */
  roles?: readonly Role[];
  /** Who may call it, in the domain's words (shown after the roles, if any). */
  who?: string;
  summary: string;
  /** JSON body schema. */
  body?: B;
  /** An absent body is read as `{}` (every field of the body is optional). */
  bodyOptional?: boolean;
  /** Query string schema (for routes whose body is not JSON, such as PDF uploads). */
  query?: Q;
  /** JSON answer schema, or the media type of a non-JSON answer. */
  response?: R;
  /** The kind of file a route takes as its body instead of JSON (e.g. a spreadsheet). */
  upload?: string;
  /** Status of a successful answer, when not 200. */
  status?: number;
}

/** Declares a route contract, keeping its path and schemas' types for the server and the client. */
export function route<
  const P extends string,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  R extends z.ZodType | string | undefined = undefined,
>(c: RouteContract<P, B, Q, R>): RouteContract<P, B, Q, R> {
  return c;
}

/** The names of a path's parameters: '/a/:x/b/:y' → 'x' | 'y'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N extends `${infer Name}.${string}`
      ? Name
      : N
    : never;

export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/** Fills a path's `:name` parameters, each URL-encoded. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: missing parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** How the role matrix and the docs say who may call a route. */
export function whoMayCall(c: RouteContract): string {
  const roles = c.roles ? c.roles.join(', ') : '';
  const staff = c.auth === 'participant or staff' ? 'secretariat staff' : '';
  const listed = [roles, staff].filter(Boolean).join(', ');
  if (!listed) return c.who ?? '';
  return c.who ? `${listed} (${c.who})` : listed;
}
