// What the viewer tells the delegate when the database refused a change from this page (pure):
// why (moved onto a new version, changed there or in another tab, deleted), what to do, what they
// typed so it is not lost, and a link to the version where the record is now.
import type { Refused } from '../../annotations/annotation-manager';
import { t, type MessageKey } from '../../base/i18n';
import { docHref } from '../../base/router';

export interface Notice {
  text: string;
  /** The record in the version where it is now. */
  href?: string;
}

/**
 * What to tell the delegate when the database refused a change from this page: why, what they
 * typed (so it is not lost), and a link to the version where the record is now.
 */
export function refusalNotice(r: Refused, docId: string): Notice {
  const elsewhere = r.current && r.current.docId !== docId ? r.current : null;
  const why: MessageKey = elsewhere
    ? r.reason === 'moved'
      ? 'viewer.movedAway'
      : 'viewer.changedOnNew'
    : r.current
      ? 'viewer.changedElsewhere'
      : 'viewer.deletedElsewhere';
  const typed = r.tried?.body && r.tried.body !== r.current?.body ? r.tried.body : null;
  const text = typed ? `${t(why)} ${t('viewer.notSaved', { body: typed })}` : t(why);
  return elsewhere ? { text, href: docHref(elsewhere.docId, { ann: elsewhere.id }) } : { text };
}
