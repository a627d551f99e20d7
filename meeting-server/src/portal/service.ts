// The council's public page (/cong-khai): upcoming meetings (voter meetings with their public link
// and QR code), published public packages, and the results of closed votes of every kind (figures
// only). Read-only; only what a council publishes anyway — no voter's name, ward or contact, and no
// ballot: neither a secret vote's (none is stored) nor an open vote's named choices.
import type { Portal, PortalCouncil, PortalVote } from '../../../shared/portal';
import { MotionResult } from '../../../shared/meeting';
import type { Queryable } from '../db/database';
import { notFound } from '../http/errors';
import { joinUrl, type LinkDeps } from '../admin/invitations';
import { liveVoterInvitation } from '../meetings/store';

const iso = (d: Date | string) => new Date(d).toISOString();
const LIMIT = 50;

export async function portalCouncils(db: Queryable): Promise<PortalCouncil[]> {
  return db.query<PortalCouncil>(
    'SELECT id, name, level FROM councils ORDER BY name, id LIMIT 200',
  );
}

export async function portal(
  db: Queryable,
  links: LinkDeps,
  councilId: string,
  nowMs: number,
): Promise<Portal> {
  const councils = await db.query<PortalCouncil>(
    'SELECT id, name, level FROM councils WHERE id = $1',
    [councilId],
  );
  const council = councils[0];
  if (!council) throw notFound('Không tìm thấy hội đồng nhân dân này.', 'No such council.');

  const meetings = await db.query<{
    id: string;
    title: string;
    kind: Portal['upcoming'][number]['kind'];
    status: Portal['upcoming'][number]['status'];
    starts_at: Date;
  }>(
    `SELECT id, title, kind, status, starts_at FROM meetings
      WHERE council_id = $1 AND status <> 'closed' ORDER BY starts_at, id LIMIT ${LIMIT}`,
    [councilId],
  );
  const upcoming = [];
  for (const m of meetings) {
    const agenda = await db.query<{ title: string }>(
      'SELECT title FROM agenda_items WHERE meeting_id = $1 ORDER BY position',
      [m.id],
    );
    const live = m.kind === 'voter' ? await liveVoterInvitation(db, m.id, nowMs) : undefined;
    upcoming.push({
      id: m.id,
      title: m.title,
      kind: m.kind,
      status: m.status,
      startsAt: iso(m.starts_at),
      agenda: agenda.map((a) => a.title),
      voterLink: live ? joinUrl(links, live) : null,
      qrPath: live ? `/api/meetings/${encodeURIComponent(m.id)}/qr.png` : null,
    });
  }

  const packages = await db.query<{
    id: string;
    title: string;
    meeting_title: string;
    published_at: Date;
  }>(
    `SELECT p.id, p.title, mt.title AS meeting_title, p.published_at
       FROM packages p JOIN meetings mt ON mt.id = p.meeting_id
      WHERE mt.council_id = $1 AND p.visibility = 'public' AND p.published_at IS NOT NULL
      ORDER BY p.published_at DESC, p.id LIMIT ${LIMIT}`,
    [councilId],
  );
  const withDocuments = [];
  for (const p of packages) {
    // Each document's latest version (the published manifest serves the same files).
    const docs = await db.query<{ title: string; sha256: string; number: number }>(
      `SELECT d.title, v.sha256, v.number FROM package_documents d
         JOIN package_versions v ON v.document_id = d.id
        WHERE d.package_id = $1
          AND v.number = (SELECT max(number) FROM package_versions WHERE document_id = d.id)
        ORDER BY d.position`,
      [p.id],
    );
    withDocuments.push({
      id: p.id,
      title: p.title,
      meetingTitle: p.meeting_title,
      publishedAt: iso(p.published_at),
      documents: docs.map((d) => ({
        title: d.title,
        path: `/api/packages/${encodeURIComponent(p.id)}/files/${d.sha256}`,
        version: d.number,
      })),
    });
  }

  // Results are public in every kind of vote; ballots never are (a secret vote stores none, and an
  // open vote's named ballots are left out below).
  const motions = await db.query<{
    id: string;
    title: string;
    meeting_title: string;
    closed_at: Date;
    secret: boolean;
    result: unknown;
  }>(
    `SELECT mo.id, mo.title, mt.title AS meeting_title, mo.closed_at, mo.secret, mo.result
       FROM motions mo JOIN meetings mt ON mt.id = mo.meeting_id
      WHERE mt.council_id = $1 AND mo.status = 'closed' AND mo.result IS NOT NULL
      ORDER BY mo.closed_at DESC, mo.id LIMIT ${LIMIT}`,
    [councilId],
  );
  const votes: PortalVote[] = [];
  for (const m of motions) {
    const parsed = MotionResult.safeParse(
      typeof m.result === 'string' ? JSON.parse(m.result) : m.result,
    );
    if (!parsed.success) continue;
    const { ballots: _named, ...figures } = parsed.data;
    votes.push({
      id: m.id,
      meetingTitle: m.meeting_title,
      title: m.title,
      closedAt: iso(m.closed_at),
      kind: figures.kind,
      secret: m.secret,
      result: figures,
      counts: parsed.data.counts,
      totalMembers: parsed.data.totalMembers,
      passed: parsed.data.passed,
    });
  }
  return { council, upcoming, packages: withDocuments, votes };
}
