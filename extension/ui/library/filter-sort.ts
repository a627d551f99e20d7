// The library list's filtering and sorting (pure): by words in the title, file name or tags
// (with or without Vietnamese accents), by session, agenda item and tag, and "recently opened".
import type { BriefcaseDocument } from '../../db/db';
import { foldText } from '../../../shared/text/normalize';

export type SortKey = 'title' | 'importedAt' | 'openedAt' | 'pageCount' | 'size' | 'agenda';

export interface LibraryFilter {
  text: string;
  sessionId: string | 'all' | 'none';
  tag: string | 'all';
  recent: boolean;
}

export interface LibrarySort {
  key: SortKey;
  descending: boolean;
}

export const RECENT_LIMIT = 10;

export function filterAndSort(
  docs: readonly BriefcaseDocument[],
  filter: LibraryFilter,
  sort: LibrarySort,
  agendaPosition: (doc: BriefcaseDocument) => number = () => 0,
): BriefcaseDocument[] {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  let out = docs.filter((d) => {
    if (filter.sessionId === 'none' && d.sessionId) return false;
    if (
      filter.sessionId !== 'all' &&
      filter.sessionId !== 'none' &&
      d.sessionId !== filter.sessionId
    )
      return false;
    if (filter.tag !== 'all' && !d.tags.includes(filter.tag)) return false;
    if (filter.recent && !d.openedAt) return false;
    if (words.length) {
      const haystack = foldText([d.title, d.fileName, ...d.tags].join(' '));
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
  if (filter.recent) {
    out = out.sort((a, b) => (b.openedAt ?? 0) - (a.openedAt ?? 0)).slice(0, RECENT_LIMIT);
    return out;
  }
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  const value = (d: BriefcaseDocument): number | string => {
    switch (sort.key) {
      case 'title':
        return d.title;
      case 'agenda':
        return agendaPosition(d);
      default:
        return d[sort.key] ?? 0;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return out.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c =
      typeof va === 'string' && typeof vb === 'string'
        ? collator.compare(va, vb)
        : Number(va) - Number(vb);
    return sign * c || collator.compare(a.title, b.title);
  });
}
