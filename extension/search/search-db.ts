// The search index database `hdnd-search` (Dexie): derived data only, rebuilt from the briefcase at
// any time (a backup leaves it out). One segment per indexed unit (a document's pages, one
// annotation, one note) holds its words, pages, positions and forms (see segment.ts); `units`
// says which version of each source was indexed.
import { Dexie, type DexieOptions, type Table } from 'dexie';
import type { StoredSegment } from './segment';

export const SEARCH_DB_NAME = 'hdnd-search';

/** What an index unit is: all pages of a document, one annotation, or one note. */
export type UnitKind = 'doc' | 'annotation' | 'note';

/** One indexed unit and the version of its source that was indexed. */
export interface UnitRow {
  /** `doc:<id>`, `ann:<id>` or `note:<id>`. */
  unitId: string;
  kind: UnitKind;
  /** The document the unit belongs to (a note may have none). */
  docId?: string;
  /** Source version: page count for a document, `updatedAt` for annotations and notes. */
  version: string;
  tokens: number;
  /** Characters of source text indexed. */
  textChars: number;
  /** Bytes of the segment written (words, forms, offsets, data). */
  indexBytes: number;
}

/** The segment of one unit, stored as written by segment.ts's `storeSegment`. */
export interface SegmentRow extends StoredSegment {
  unitId: string;
}

export class SearchDb extends Dexie {
  units!: Table<UnitRow, string>;
  segments!: Table<SegmentRow, string>;

  constructor(name: string = SEARCH_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      postings: '[token+unitId], unitId',
      units: 'unitId, kind, docId',
    });
    // Version 2: one segment per unit instead of one row per word and unit (a query read
    // thousands of rows). Derived data: drop the old index and let the indexer rebuild it.
    this.version(2)
      .stores({ postings: null, segments: 'unitId' })
      .upgrade((tx) => tx.table('units').clear());
  }
}

export function openSearchDb(name: string = SEARCH_DB_NAME, options?: DexieOptions): SearchDb {
  return new SearchDb(name, options);
}

let singleton: SearchDb | undefined;

/** The page's (or worker's) one search database instance. */
export function getSearchDb(): SearchDb {
  singleton ??= openSearchDb();
  return singleton;
}
