// The audit log (table audit_log, append-only by trigger): who did what, when, to which meeting.
// One hook covers every chair, secretary and secretariat action without touching the routes:
// the request runs inside an audit context (AsyncLocalStorage, set by requireStaff for writes and
// by http/mount.ts for the chair's and secretary's writes), and the database wrapper writes
// the entry inside the first transaction of that request that changes something — so the entry
// commits or rolls back together with the change, and a refused request (400, 403, 409) that
// changed nothing leaves no entry. Ballots are never audited: a secret vote must not be traceable.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import type { AuditEntry, AuditQuery } from '../../../shared/admin';
import { foldText } from '../../../shared/text/normalize';
import type { Db, Queryable } from '../db/database';

export interface AuditActor {
  kind: 'staff' | 'participant';
  /** staff_users.id, or the participant's LiveKit identity. */
  id: string;
  name: string;
  /** 'admin' or 'staff'; or the role in the meeting. */
  role: string;
  memberId: string | null;
}

interface AuditContext {
  actor: AuditActor;
  req: Request;
  /** Known meeting (participant sessions are bound to one). */
  meetingId: string | null;
  written: boolean;
  /** Facts the action adds to its entry (addAuditDetails), e.g. the SHA-256 of issued minutes. */
  extra?: Record<string, unknown>;
}

const store = new AsyncLocalStorage<AuditContext>();

/** The audit log's "who" for a meeting participant (chair, secretary). */
export const participantActor = (p: {
  sub: string;
  name: string;
  role: string;
  memberId: string | null;
}): AuditActor => ({
  kind: 'participant',
  id: p.sub,
  name: p.name,
  role: p.role,
  memberId: p.memberId,
});

/** Runs `fn` (the rest of the request) so that its first change is audited. */
export function runAudited<T>(
  actor: AuditActor,
  req: Request,
  meetingId: string | null,
  fn: () => T,
): T {
  return store.run({ actor, req, meetingId, written: false }, fn);
}

/**
 * Adds facts to the entry the current request will write (call before the change): what the
 * request body does not say, such as the SHA-256 of the minutes a finalisation issued.
 */
export function addAuditDetails(details: Record<string, unknown>): void {
  const ctx = store.getStore();
  if (ctx) ctx.extra = { ...ctx.extra, ...details };
}

const SECRET_KEY = /password|secret|token|^invitation$/i;
const MAX_DETAILS = 16 * 1024;

/** Request parameters, query and body, with secrets replaced and size bounded. */
function detailsOf(req: Request): Record<string, unknown> {
  const redact = (v: unknown, depth = 0): unknown => {
    if (depth > 6) return '…';
    if (typeof v === 'string') return storable(v);
    if (Array.isArray(v)) return v.slice(0, 200).map((x) => redact(x, depth + 1));
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          storable(k),
          SECRET_KEY.test(k) ? '[redacted]' : redact(x, depth + 1),
        ]),
      );
    }
    return v;
  };
  const out: Record<string, unknown> = {};
  if (req.params && Object.keys(req.params).length) out.params = redact(req.params);
  if (req.query && Object.keys(req.query).length) out.query = redact(req.query);
  if (req.body !== undefined && !Buffer.isBuffer(req.body)) out.body = redact(req.body);
  const text = JSON.stringify(out);
  return text.length <= MAX_DETAILS ? out : { truncated: storable(text.slice(0, MAX_DETAILS)) };
}

/**
 * Text that PostgreSQL's jsonb accepts: NUL and unpaired UTF-16 surrogates (which JSON.stringify
 * writes as `\u0000`, `\ud800` escapes that jsonb refuses) become U+FFFD. Without this an action
 * with such text in a body its route does not validate would fail on its own audit entry.
 */
export const storable = (s: string): string =>
  s.replace(
    // eslint-disable-next-line no-control-regex
    /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );

const actionOf = (req: Request) =>
  `${req.method} ${req.baseUrl}${typeof req.route?.path === 'string' ? req.route.path : req.path}`;

/** Tables that name a meeting, by the route parameter that holds their id. */
const MEETING_OF_PARAM: Record<string, string> = {
  packageId: 'SELECT meeting_id FROM packages WHERE id = $1',
  petitionId: 'SELECT meeting_id FROM petitions WHERE id = $1',
  requestId: 'SELECT meeting_id FROM leave_requests WHERE id = $1',
};

async function meetingOf(tx: Queryable, ctx: AuditContext): Promise<string | null> {
  if (ctx.meetingId) return ctx.meetingId;
  const params = (ctx.req.params ?? {}) as Record<string, string | undefined>;
  if (params.meetingId) return params.meetingId;
  for (const [param, sql] of Object.entries(MEETING_OF_PARAM)) {
    if (!params[param]) continue;
    const [row] = await tx.query<{ meeting_id: string }>(sql, [params[param]]);
    if (row) return row.meeting_id;
  }
  return null;
}

/** Appends one entry (also used directly for events outside a request's change, e.g. sign-in). */
export async function appendAudit(
  db: Queryable,
  entry: {
    at: Date;
    actor: AuditActor;
    meetingId: string | null;
    action: string;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_kind, actor_id, actor_name, actor_role, member_id,
                            meeting_id, action, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      entry.at.toISOString(),
      entry.actor.kind,
      entry.actor.id,
      entry.actor.name,
      entry.actor.role,
      entry.actor.memberId,
      entry.meetingId,
      entry.action,
      JSON.stringify(entry.details),
    ],
  );
}

const WRITE_SQL = /^\s*(insert|update|delete|merge|with)\b/i;

/**
 * Wraps `db` so that, inside an audit context, the first transaction that changed a row (it was
 * given a transaction id) also appends the audit entry before it commits. A lone write outside a
 * transaction is run as one so it gets its entry the same way.
 */
export function withAudit(db: Db, now: () => number): Db {
  const transaction: Db['transaction'] = async (fn) => {
    const ctx = store.getStore();
    if (!ctx || ctx.written) return db.transaction(fn);
    let claimed = false;
    try {
      return await db.transaction(async (tx) => {
        const result = await fn(tx);
        if (!ctx.written) {
          const [row] = await tx.query<{ wrote: boolean }>(
            'SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote',
          );
          if (row?.wrote) {
            ctx.written = claimed = true;
            await appendAudit(tx, {
              at: new Date(now()),
              actor: ctx.actor,
              meetingId: await meetingOf(tx, ctx),
              action: actionOf(ctx.req),
              details: { ...detailsOf(ctx.req), ...ctx.extra },
            });
          }
        }
        return result;
      });
    } catch (err) {
      // Rolled back: the change and its entry are gone; a later change of the request may log.
      if (claimed) ctx.written = false;
      throw err;
    }
  };
  return {
    ...db,
    kind: db.kind,
    close: () => db.close(),
    exec: (sql) => db.exec(sql),
    transaction,
    query: (sql, params) => {
      const ctx = store.getStore();
      if (ctx && !ctx.written && WRITE_SQL.test(sql)) {
        return transaction((tx) => tx.query(sql, params));
      }
      return db.query(sql, params);
    },
  };
}

interface AuditRow {
  id: string | number;
  at: Date | string;
  actor_kind: 'staff' | 'participant';
  actor_id: string;
  actor_name: string;
  actor_role: string;
  member_id: string | null;
  meeting_id: string | null;
  action: string;
  details: Record<string, unknown> | string;
}

/**
 * `translate()` arguments that fold a name in SQL as shared/text folds it in TypeScript (PGlite and
 * PostgreSQL alike, whatever the database's locale): every accented Latin letter, upper or lower
 * case, to its plain lower-case letter (đ → d, ƣ → u), and combining marks (a name stored
 * decomposed) removed. ASCII capitals are left to `lower()`.
 */
export const FOLD_FROM_TO: readonly [string, string] = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0xc0, 0x24f], // Latin-1 Supplement letters, Latin Extended-A and -B
    [0x1e00, 0x1eff], // Latin Extended Additional (ạ, ầ, ể, ộ, ự, ỹ…)
  ];
  for (const [lo, hi] of ranges)
    for (let c = lo; c <= hi; c++) {
      const ch = String.fromCharCode(c);
      const folded = foldText(ch);
      if (folded !== ch && /^[a-z]$/.test(folded)) {
        from += ch;
        to += folded;
      }
    }
  // Characters of `from` past the end of `to` are deleted: the combining marks go last.
  for (let c = 0x300; c <= 0x36f; c++) from += String.fromCharCode(c);
  return [from, to];
})();

/** Entries newest first, filtered by meeting, who, what and time, before an id (paging). */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditEntry[]> {
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const like = (s: string | undefined) => (s === undefined ? null : `%${escape(s)}%`);
  // "tran thi cuc" finds "Trần Thị Cúc" (and "TRẦN THỊ" finds it too): both sides folded.
  const who = q.actor === undefined ? null : `%${escape(foldText(q.actor))}%`;
  const rows = await db.query<AuditRow>(
    `SELECT id, at, actor_kind, actor_id, actor_name, actor_role, member_id, meeting_id, action,
            details
       FROM audit_log
      WHERE ($1::text IS NULL OR meeting_id = $1) AND ($2::bigint IS NULL OR id < $2)
        AND ($4::text IS NULL OR lower(translate(actor_name, $8, $9)) LIKE $4)
        AND ($5::text IS NULL OR action ILIKE $5)
        AND ($6::timestamptz IS NULL OR at >= $6) AND ($7::timestamptz IS NULL OR at < $7)
      ORDER BY id DESC
      LIMIT $3`,
    [
      q.meetingId ?? null,
      q.before ?? null,
      q.limit,
      who,
      like(q.action),
      q.from ?? null,
      q.to ?? null,
      FOLD_FROM_TO[0],
      FOLD_FROM_TO[1],
    ],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: {
      kind: r.actor_kind,
      id: r.actor_id,
      name: r.actor_name,
      role: r.actor_role,
      memberId: r.member_id,
    },
    meetingId: r.meeting_id,
    action: r.action,
    details:
      typeof r.details === 'string'
        ? (JSON.parse(r.details) as Record<string, unknown>)
        : r.details,
  }));
}
