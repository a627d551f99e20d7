// The query engine: keeps every segment of the search index in memory (read once, then only the
// units that changed) and answers a query without touching IndexedDB — folded words AND-matched
// per page, ranked with a boost for the accents the user typed and for the words standing
// together, grouped by document. Titles and snippets are fetched separately, only for the results
// on screen (query.ts). Staleness: Dexie's `storagemutated` event (also raised for writes made by
// the search worker, through Dexie's BroadcastChannel) marks the engine dirty.
import { Dexie, type ObservabilitySet } from 'dexie';
import { queryTerms } from '../../shared/text/normalize';
import type { SearchDb, SegmentRow, UnitKind, UnitRow } from './search-db';
import { Reader, formBit } from './segment';
import type { QueryTerm, SnippetPart } from './snippet';

export interface SearchHit {
  kind: 'page' | 'annotation' | 'note';
  /** 0-based page index (0 for notes). */
  pageIndex: number;
  score: number;
  annotationId?: string;
  noteId?: string;
  /** Filled in for the groups on screen (query.ts `loadDetails`). */
  snippet?: SnippetPart[];
}

export interface SearchGroup {
  /** The document, or undefined for session notes not tied to a document. */
  docId?: string;
  /** Filled in with the details (query.ts `loadDetails`); empty until then. */
  title: string;
  /** The best hit's score. */
  score: number;
  /** Hits in the group (pages, annotations, notes). */
  hitCount: number;
  /** The best hits, best first (score, then page order); at most TOP_HITS. */
  best: SearchHit[];
  /** 0-based pages of the group's other page hits, ascending. */
  otherPages: number[];
}

export interface SearchResults {
  query: string;
  terms: QueryTerm[];
  groups: SearchGroup[];
  hitCount: number;
}

/** Hits of a group ranked and kept as objects (they get snippets); the rest are page numbers. */
export const TOP_HITS = 3;

interface Loaded {
  unitId: string;
  kind: UnitKind;
  docId: string | undefined;
  version: string;
  /** The segment's words joined with "\n", as stored (split again only to rebuild the dictionary). */
  tokens: string;
  wordCount: number;
  /** The form lines joined with "\n", as stored, and where each word's line starts. */
  forms: string;
  formStarts: Uint32Array;
  offsets: Uint32Array;
  data: Uint8Array;
}

/** A dictionary entry packs the segment slot and the word's index in it into one number. */
const SLOT = 2 ** 22;

/** Past the last page (a small integer, so that page fields stay small integers for V8). */
const END = 0x3fffffff;

/** Where the last multi-byte varint read by `varintAt` ended. */
let varintEnd = 0;

/** A varint of two bytes or more starting at `at` (one-byte ones are read inline). */
function varintAt(data: Uint8Array, at: number): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    const b = data[at++]!;
    n += (b & 0x7f) * scale;
    if (b < 0x80) {
      varintEnd = at;
      return n;
    }
    scale *= 128;
  }
}

/**
 * Walks one word's block in one segment page by page (see segment.ts for the layout). Varints are
 * decoded inline (almost all are one byte): a query's first runs are not optimised by the JIT yet,
 * and calls are what costs most then.
 */
class Cursor {
  private readonly data: Uint8Array;
  private at: number;
  private left: number;
  /** Current page, END when done. */
  page = 0;
  tf = 0;
  formMask = 0;
  occAt = 0;

  constructor(data: Uint8Array, at: number) {
    this.data = data;
    this.left = varintAt(data, at);
    this.at = varintEnd;
  }

  next(): void {
    if (this.left === 0) {
      this.page = END;
      return;
    }
    this.left--;
    const d = this.data;
    let at = this.at;
    let v = d[at]!;
    if (v < 0x80) at++;
    else {
      v = varintAt(d, at);
      at = varintEnd;
    }
    this.page += v;
    v = d[at]!;
    if (v < 0x80) at++;
    else {
      v = varintAt(d, at);
      at = varintEnd;
    }
    this.tf = v;
    v = d[at]!;
    if (v < 0x80) at++;
    else {
      v = varintAt(d, at);
      at = varintEnd;
    }
    this.formMask = v;
    v = d[at]!;
    if (v < 0x80) at++;
    else {
      v = varintAt(d, at);
      at = varintEnd;
    }
    this.occAt = at;
    this.at = at + v;
  }

  /** True when form `form` occurs on the current page. */
  hasForm(form: number): boolean {
    if ((this.formMask & formBit(form)) === 0) return false;
    if (form < 30) return true;
    const r = new Reader(this.data, this.occAt);
    for (let k = 0; k < this.tf; k++) {
      r.varint();
      if (r.varint() === form) return true;
    }
    return false;
  }

  /** Writes the current page's positions into `out` (long enough); returns how many. */
  readPositions(out: Int32Array): number {
    const d = this.data;
    const tf = this.tf;
    let at = this.occAt;
    let pos = 0;
    for (let k = 0; k < tf; k++) {
      let v = d[at]!;
      if (v < 0x80) at++;
      else {
        v = varintAt(d, at);
        at = varintEnd;
      }
      pos += v;
      out[k] = pos;
      // the form index
      if (d[at]! < 0x80) at++;
      else {
        varintAt(d, at);
        at = varintEnd;
      }
    }
    return tf;
  }
}

/**
 * How many times the lists' words stand in order (p, p+1, …). Each list holds ascending word
 * positions; `lengths` may cut them short (reused buffers), `at` is scratch space.
 */
export function countPhrases(
  lists: readonly ArrayLike<number>[],
  lengths: ArrayLike<number> = lists.map((l) => l.length),
  at: Int32Array = new Int32Array(lists.length),
): number {
  at.fill(0);
  const first = lists[0]!;
  const firstLength = lengths[0]!;
  let count = 0;
  next: for (let k = 0; k < firstLength; k++) {
    const p = first[k]!;
    for (let j = 1; j < lists.length; j++) {
      const list = lists[j]!;
      const length = lengths[j]!;
      let i = at[j]!;
      while (i < length && list[i]! < p + j) i++;
      at[j] = i;
      if (i >= length || list[i] !== p + j) continue next;
    }
    count++;
  }
  return count;
}

const HIT_KIND = { doc: 'page', annotation: 'annotation', note: 'note' } as const;

export class SearchEngine {
  private slots: (Loaded | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private dict = new Map<string, number[]>();
  private entries = 0;
  private deadEntries = 0;
  private dirty = true;
  private refreshing: Promise<void> | undefined;
  private readonly onMutated: (parts: ObservabilitySet) => void;

  constructor(readonly index: SearchDb) {
    const prefix = `idb://${index.name}/`;
    this.onMutated = (parts) => {
      for (const key of Object.keys(parts)) {
        if (key === 'all' || key.startsWith(prefix)) {
          this.dirty = true;
          return;
        }
      }
    };
    Dexie.on('storagemutated', this.onMutated);
  }

  /** Stops listening for changes (tests; pages keep their engine). */
  dispose(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
  }

  /** Marks the engine out of date: the next query reloads what changed. */
  invalidate(): void {
    this.dirty = true;
  }

  get stale(): boolean {
    return this.dirty;
  }

  /** Loads new and changed segments and forgets removed ones. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    this.dirty = false;
    try {
      const { index } = this;
      await index.transaction('r', [index.units, index.segments], async () => {
        const units = await index.units.toArray();
        const current = new Map(units.map((u) => [u.unitId, u]));
        for (const [unitId, slot] of [...this.slotOf]) {
          if (current.get(unitId)?.version !== this.slots[slot]!.version) this.drop(unitId);
        }
        const missing = units.filter((u) => !this.slotOf.has(u.unitId));
        for (let i = 0; i < missing.length; i += 200) {
          const chunk = missing.slice(i, i + 200);
          const rows = await index.segments.bulkGet(chunk.map((u) => u.unitId));
          rows.forEach((row, j) => row && this.add(chunk[j]!, row));
        }
      });
      if (this.deadEntries > 10_000 && this.deadEntries > this.entries - this.deadEntries) {
        this.compact();
      }
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  private add(unit: UnitRow, row: SegmentRow): void {
    const slot = this.slots.length;
    const wordCount = this.index_(slot, row.tokens);
    if (wordCount >= SLOT) return; // cannot happen with real text; such a unit is not searchable
    // Where each word's form line starts (one number per word rather than one string per word:
    // hundreds of thousands of small strings made every full garbage collection slow).
    const formStarts = new Uint32Array(wordCount + 1);
    let line = 1;
    for (let i = row.forms.indexOf('\n'); i >= 0; i = row.forms.indexOf('\n', i + 1)) {
      formStarts[line++] = i + 1;
    }
    formStarts[wordCount] = row.forms.length + 1;
    this.slots.push({
      unitId: unit.unitId,
      kind: unit.kind,
      docId: unit.docId,
      version: unit.version,
      tokens: row.tokens,
      wordCount,
      forms: row.forms,
      formStarts,
      offsets: row.offsets,
      data: row.data,
    });
    this.slotOf.set(unit.unitId, slot);
  }

  /** Adds a segment's words to the dictionary; returns how many there are. */
  private index_(slot: number, joined: string): number {
    if (joined === '') return 0;
    const words = joined.split('\n');
    for (let t = 0; t < words.length; t++) {
      const list = this.dict.get(words[t]!);
      if (list) list.push(slot * SLOT + t);
      else this.dict.set(words[t]!, [slot * SLOT + t]);
    }
    this.entries += words.length;
    return words.length;
  }

  private drop(unitId: string): void {
    const slot = this.slotOf.get(unitId);
    if (slot === undefined) return;
    this.deadEntries += this.slots[slot]!.wordCount;
    this.slots[slot] = undefined;
    this.slotOf.delete(unitId);
  }

  private compact(): void {
    const live = this.slots.filter((s): s is Loaded => !!s);
    this.slots = [];
    this.slotOf.clear();
    this.dict = new Map();
    this.entries = 0;
    this.deadEntries = 0;
    for (const s of live) {
      this.slotOf.set(s.unitId, this.slots.length);
      this.slots.push(s);
      this.index_(this.slots.length - 1, s.tokens);
    }
  }

  /** Units and dictionary size held in memory, and the bytes of their blocks. */
  stats(): { units: number; words: number; entries: number; bytes: number } {
    let bytes = 0;
    for (const s of this.slots) if (s) bytes += s.data.byteLength + s.offsets.byteLength;
    return {
      units: this.slotOf.size,
      words: this.dict.size,
      entries: this.entries - this.deadEntries,
      bytes,
    };
  }

  /** Runs a query, loading what changed in the index first. */
  async search(query: string): Promise<SearchResults> {
    if (this.dirty || this.refreshing) await this.refresh();
    return this.searchLoaded(query);
  }

  /** Runs a query over the segments in memory. */
  searchLoaded(query: string): SearchResults {
    const terms = queryTerms(query);
    const empty: SearchResults = { query, terms, groups: [], hitCount: 0 };
    if (terms.length === 0) return empty;
    const distinct = [...new Set(terms.map((t) => t.folded))];
    const lists: number[][] = [];
    for (const word of distinct) {
      const list = this.dict.get(word);
      if (!list) return empty;
      lists.push(list);
    }
    const nTerms = terms.length;
    const termWord = terms.map((t) => distinct.indexOf(t.folded));
    // The rarest word drives; the others are looked up by segment.
    const order = distinct.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
    const lookups = order.slice(1).map((i) => {
      const bySlot = new Map<number, number>();
      for (const e of lists[i]!) bySlot.set(Math.floor(e / SLOT), e % SLOT);
      return [i, bySlot] as const;
    });
    const scratch = new PageScratch(nTerms);
    const groups = new Map<string, GroupAcc>();
    const wordAt = distinct.map(() => 0);
    let hitCount = 0;

    for (const entry of lists[order[0]!]!) {
      const slot = Math.floor(entry / SLOT);
      const seg = this.slots[slot];
      if (!seg) continue;
      wordAt[order[0]!] = entry % SLOT;
      let all = true;
      for (const [i, bySlot] of lookups) {
        const w = bySlot.get(slot);
        if (w === undefined) {
          all = false;
          break;
        }
        wordAt[i] = w;
      }
      if (!all) continue;

      const cursors = wordAt.map((w) => new Cursor(seg.data, seg.offsets[w]!));
      // Per query word: the index of its typed form here (-1: never met), and whether that is
      // the word's only form (then every occurrence is accent-exact).
      for (let j = 0; j < nTerms; j++) {
        const w = wordAt[termWord[j]!]!;
        const line = seg.forms.slice(seg.formStarts[w]!, seg.formStarts[w + 1]! - 1);
        // An empty line: the word's only form is the word itself.
        const form =
          line === ''
            ? terms[j]!.exact === distinct[termWord[j]!]
              ? 0
              : -1
            : line.split(' ').indexOf(terms[j]!.exact);
        scratch.form[j] = form;
        scratch.always[j] = line === '' && form === 0 ? 1 : 0;
      }
      const key = seg.docId ?? '';
      let group = groups.get(key);
      if (!group) groups.set(key, (group = new GroupAcc(seg.docId)));
      const kind = HIT_KIND[seg.kind];
      const id = kind === 'page' ? '' : seg.unitId.slice(seg.unitId.indexOf(':') + 1);

      if (cursors.length === 1) {
        const c = cursors[0]!;
        for (c.next(); c.page !== END; c.next()) {
          group.add(kind, c.page, scratch.score(cursors, termWord), id);
          hitCount++;
        }
        continue;
      }
      // Merge join: move every cursor to the furthest page until they all stand on it.
      const nc = cursors.length;
      for (let k = 0; k < nc; k++) cursors[k]!.next();
      for (;;) {
        let max = 0;
        for (let k = 0; k < nc; k++) if (cursors[k]!.page > max) max = cursors[k]!.page;
        if (max === END) break;
        let aligned = true;
        for (let k = 0; k < nc; k++) {
          const c = cursors[k]!;
          while (c.page < max) c.next();
          if (c.page !== max) aligned = false;
        }
        if (!aligned) continue;
        group.add(kind, max, scratch.score(cursors, termWord), id);
        hitCount++;
        for (let k = 0; k < nc; k++) cursors[k]!.next();
      }
    }
    if (hitCount === 0) return empty;
    const sorted = [...groups.values()]
      .filter((g) => g.count > 0)
      .sort((a, b) => b.best[0]!.score - a.best[0]!.score || byKey(a.key, b.key))
      .map((g) => g.result());
    return { query, terms, groups: sorted, hitCount };
  }
}

/** Reusable buffers for scoring one page (no allocation per page). */
class PageScratch {
  /** Per query word: index of the typed form in the segment, or -1. */
  readonly form: Int32Array;
  /** Per query word: 1 when every occurrence has the typed form. */
  readonly always: Uint8Array;
  /** Per query word (in query order): its positions on the page and how many. */
  private readonly lists: Int32Array[];
  private readonly lengths: Int32Array;
  private readonly at: Int32Array;
  private readonly pair: Int32Array[];
  private readonly pairLengths = new Int32Array(2);

  constructor(terms: number) {
    this.form = new Int32Array(terms);
    this.always = new Uint8Array(terms);
    this.lists = Array.from({ length: terms }, () => new Int32Array(64));
    this.lengths = new Int32Array(terms);
    this.at = new Int32Array(terms);
    this.pair = [this.lists[0]!, this.lists[0]!];
  }

  /**
   * A page's score: per query word 1 + ln(occurrences), +1 when the word occurs there with the
   * accents typed; +4 + ln(n) when the words stand together as a phrase n times, else +1 for each
   * pair of neighbouring query words that stand together somewhere.
   */
  score(cursors: readonly Cursor[], termWord: readonly number[]): number {
    let score = 0;
    const n = termWord.length;
    for (let j = 0; j < n; j++) {
      const c = cursors[termWord[j]!]!;
      score += 1 + Math.log(c.tf);
      const form = this.form[j]!;
      if (form >= 0 && (this.always[j] === 1 || c.hasForm(form))) score += 1;
    }
    if (n === 1) return score;
    const { lists, lengths } = this;
    for (let j = 0; j < n; j++) {
      const c = cursors[termWord[j]!]!;
      if (lists[j]!.length < c.tf) lists[j] = new Int32Array(2 * c.tf);
      lengths[j] = c.readPositions(lists[j]!);
    }
    const phrases = countPhrases(lists, lengths, this.at);
    if (phrases > 0) return score + 4 + Math.log(phrases);
    for (let j = 0; j + 1 < n; j++) {
      this.pair[0] = lists[j]!;
      this.pair[1] = lists[j + 1]!;
      this.pairLengths[0] = lengths[j]!;
      this.pairLengths[1] = lengths[j + 1]!;
      if (countPhrases(this.pair, this.pairLengths, this.at) > 0) score += 1;
    }
    return score;
  }
}

/** One group's hits while scanning: counts, page hits in order, and the best few. */
class GroupAcc {
  count = 0;
  readonly pages: number[] = [];
  readonly best: SearchHit[] = [];

  constructor(readonly docId: string | undefined) {}

  get key(): string {
    return this.docId ?? '';
  }

  add(kind: SearchHit['kind'], pageIndex: number, score: number, id: string): void {
    this.count++;
    if (kind === 'page') this.pages.push(pageIndex);
    const best = this.best;
    if (best.length === TOP_HITS && !better(score, pageIndex, best[TOP_HITS - 1]!)) return;
    const hit: SearchHit = { kind, pageIndex, score };
    if (kind === 'annotation') hit.annotationId = id;
    else if (kind === 'note') hit.noteId = id;
    let i = best.length;
    while (i > 0 && better(score, pageIndex, best[i - 1]!)) i--;
    best.splice(i, 0, hit);
    if (best.length > TOP_HITS) best.pop();
  }

  result(): SearchGroup {
    const shown = new Set(this.best.filter((h) => h.kind === 'page').map((h) => h.pageIndex));
    return {
      ...(this.docId ? { docId: this.docId } : {}),
      title: '',
      score: this.best[0]!.score,
      hitCount: this.count,
      best: this.best,
      otherPages: shown.size ? this.pages.filter((p) => !shown.has(p)) : this.pages,
    };
  }
}

/** Code-unit order: ties only need to be stable (localeCompare cost milliseconds on first use). */
function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function better(score: number, page: number, than: SearchHit): boolean {
  return score > than.score || (score === than.score && page < than.pageIndex);
}

const engines = new WeakMap<SearchDb, SearchEngine>();

/** The one engine of a search database in this page (or worker). */
export function engineFor(index: SearchDb): SearchEngine {
  let engine = engines.get(index);
  if (!engine) engines.set(index, (engine = new SearchEngine(index)));
  return engine;
}
