// What changed between the manifest a briefcase last applied and the server's newer one, in the
// words the delegate sees: a document added, a new version (with the secretariat's reason), a
// document withdrawn. Pure, except that `changeText` words a change in the current language.
import type { PackageManifest } from '../../shared/packages';
import { t } from '../base/i18n';

export type PackageChange =
  | { kind: 'added'; documentId: string; title: string }
  | {
      kind: 'version';
      documentId: string;
      title: string;
      from: number;
      to: number;
      reason: string | null;
    }
  | { kind: 'removed'; documentId: string; title: string };

export function diffManifests(
  applied: PackageManifest | null,
  latest: PackageManifest,
): PackageChange[] {
  const before = new Map((applied?.documents ?? []).map((d) => [d.id, d]));
  const changes: PackageChange[] = [];
  for (const d of latest.documents) {
    const old = before.get(d.id);
    if (!old) changes.push({ kind: 'added', documentId: d.id, title: d.title });
    else if (old.current !== d.current) {
      const v = d.versions.find((x) => x.number === d.current);
      changes.push({
        kind: 'version',
        documentId: d.id,
        title: d.title,
        from: old.current,
        to: d.current,
        reason: v?.reason ?? null,
      });
    }
    before.delete(d.id);
  }
  for (const d of before.values())
    changes.push({ kind: 'removed', documentId: d.id, title: d.title });
  return changes;
}

/** One change in the delegate's words (the package page's list and the badge's tooltip). */
export function changeText(c: PackageChange): string {
  if (c.kind === 'added') return t('packages.added', { title: c.title });
  if (c.kind === 'removed') return t('packages.removed', { title: c.title });
  return t('packages.newVersion', {
    title: c.title,
    from: c.from,
    to: c.to,
    reason: c.reason ?? '—',
  });
}
