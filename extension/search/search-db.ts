// The search index database `hdnd-search` (Dexie): derived data only, rebuilt from the briefcase at
// any time (a backup leaves it out). Postings are stored per folded token and indexed unit (a
// document's pages, one annotation, one note) in a compact varint form (see postings.ts).
import { Dexie, type DexieOptions, type Table } from 'dexie';

export const SEARCH_DB_NAME = 'hdnd-search';

/** What an index unit is: all pages of a document, one annotation, or one note. */
export type UnitKind = 'doc' | 'annotation' | 'note';

/** The occurrences of one folded token in one unit. */
export interface PostingRow {
  /** Folded token ("nghi"). */
  token: string;
  /** `doc:<id>`, `ann:<id>` or `note:<id>`. */
  unitId: string;
  /** The distinct accent-exact forms met ("nghị", "nghỉ"), referenced by index in `occ`. */
  forms: string[];
  /** Varint triples (page delta, position delta, form index); see postings.ts. */
  occ: Uint8Array;
}

/** One indexed unit and the version of its source that was indexed. */
export interface UnitRow {
  unitId: string;
  kind: UnitKind;
  /** The document the unit belongs to (a note may have none). */
  docId?: string;
  /** Source version: page count for a document, `updatedAt` for annotations and notes. */
  version: string;
  tokens: number;
  /** Characters of source text indexed. */
  textChars: number;
  /** Bytes of postings written (keys, forms and occurrences). */
  indexBytes: number;
}

export class SearchDb extends Dexie {
  postings!: Table<PostingRow, [string, string]>;
  units!: Table<UnitRow, string>;

  constructor(name: string = SEARCH_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      postings: '[token+unitId], unitId',
      units: 'unitId, kind, docId',
    });
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
