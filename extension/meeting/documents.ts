// "The agenda item's documents are one click away": from the session packages in the briefcase,
// the documents the secretariat filed under the agenda item the chair has made current, each with
// the briefcase document to open (the current version if downloaded, else the newest one that is).
// Pure: the subscriptions are passed in; unit-tested.
import type { PackageSubscription } from '../packages/sync';

export interface AgendaDocument {
  /** The package document's id (stable across versions). */
  id: string;
  title: string;
  /** The briefcase document to open (`briefcase.html#/doc/<docId>`). */
  docId: string;
  version: number;
  /** True when a newer version is published but not yet downloaded. */
  outdated: boolean;
  packageTitle: string;
}

export interface AgendaPlace {
  /** The meeting server the delegate joined. */
  origin: string;
  meetingId: string;
  agendaItemId: string | null;
}

/** True when the briefcase holds a package of this meeting (whatever the current item). */
export const hasMeetingPackage = (subs: PackageSubscription[], at: AgendaPlace) =>
  subs.some((s) => s.origin === at.origin && s.applied?.meeting.id === at.meetingId);

export function agendaDocuments(subs: PackageSubscription[], at: AgendaPlace): AgendaDocument[] {
  if (!at.agendaItemId) return [];
  const out: AgendaDocument[] = [];
  for (const sub of subs) {
    const m = sub.applied;
    if (sub.origin !== at.origin || !m || m.meeting.id !== at.meetingId) continue;
    const docs = m.documents
      .filter((d) => d.agendaItemId === at.agendaItemId)
      .sort((a, b) => a.position - b.position);
    for (const d of docs) {
      const held = d.versions
        .map((v) => v.number)
        .filter((n) => n <= d.current && sub.versions[`${d.id}@${n}`])
        .sort((a, b) => b - a);
      const version = held[0];
      if (version === undefined) continue;
      out.push({
        id: d.id,
        title: d.title,
        docId: sub.versions[`${d.id}@${version}`]!,
        version,
        outdated: version < d.current,
        packageTitle: sub.title || m.title,
      });
    }
  }
  return out;
}
