// The query engine: keeps every segment of the search index in memory (read once, then only the
// units that changed) and answers a query without touching IndexedDB — folded words AND-matched
// per page, ranked with a boost for the accents the user typed and for the words standing
// together, grouped by document. Titles and snippets are fetched separately, only for the results
// on screen (query.ts). Staleness: Dexie's `storagemutated` event (also raised for writes made by
// the search worker, through Dexie's BroadcastChannel) marks the engine dirty.
import { Dexie, type ObservabilitySet } from 'dexie';
import { queryTerms } from '../../shared/text/normalize';
import type { SearchDb, SegmentRow, UnitKind, UnitRow } from './search-db';
import { formBit } from './segment';
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

/** Past the last page (a small integer, so that page fields stay small integers for V8). */
const END = 0x3fffffff;

const EMPTY = new Uint8Array(0);

/**
 * Walks one word's block in one segment page by page (see segment.ts for the layout). Every
 * varint of a block is read by `varint`: its two-byte case (a common word's page with 128 bytes of
 * occurrences, a word with eight spellings) is met early, and from then on the JIT compiles it in
 * every caller — a case first met after compiling would send the query back to the interpreter.
 */
class Cursor {
  private data: Uint8Array = EMPTY;
  /** Where the next page's header starts, and where `varint` reads. */
  private at = 0;
  private pos = 0;
  private left = 0;
  /** Current page, END when done. */
  page = END;
  tf = 0;
  formMask = 0;
  occAt = 0;

  /** The varint at `pos`; moves `pos` past it. */
  private varint(): number {
    const d = this.data;
    let b = d[this.pos++]!;
    if (b < 0x80) return b;
    let n = b & 0x7f;
    let scale = 128;
    do {
      b = d[this.pos++]!;
      n += (b & 0x7f) * scale;
      scale *= 128;
    } while (b >= 0x80);
    return n;
  }

  /**
   * Starts on the block at `at`, standing on its first page (cursors are reused from one segment
   * to the next).
   */
  reset(data: Uint8Array, at: number): void {
    this.data = data;
    this.pos = at;
    this.left = this.varint();
    this.at = this.pos;
    this.page = 0;
    this.next();
  }

  next(): void {
    if (this.left === 0) {
      this.page = END;
      return;
    }
    this.left--;
    this.pos = this.at;
    this.page += this.varint();
    this.tf = this.varint();
    this.formMask = this.varint();
    const length = this.varint();
    this.occAt = this.pos;
    this.at = this.pos + length;
  }

  /** True when form `form` occurs on the current page. */
  hasForm(form: number): boolean {
    return (this.formMask & formBit(form)) !== 0 && (form < 30 || this.hasLateForm(form));
  }

  /** For forms from 30 on (they share a bit of the mask): looks through the occurrences. */
  private hasLateForm(form: number): boolean {
    this.pos = this.occAt;
    for (let k = 0; k < this.tf; k++) {
      this.varint();
      if (this.varint() === form) return true;
    }
    return false;
  }

  /** Writes the current page's positions into `out` (long enough); returns how many. */
  readPositions(out: Int32Array): number {
    const tf = this.tf;
    this.pos = this.occAt;
    let position = 0;
    for (let k = 0; k < tf; k++) {
      position += this.varint();
      out[k] = position;
      this.varint(); // the form index
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
  for (let j = 0; j < lists.length; j++) at[j] = 0;
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
  /** Query buffers by number of query words. */
  private readonly scratch: (PageScratch | undefined)[] = [];

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

  /**
   * Adds a segment's words to the dictionary; returns how many there are. A word's list holds
   * pairs (segment slot, the word's index in the segment), slots ascending; small integers, so
   * that V8 keeps them unboxed.
   */
  private index_(slot: number, joined: string): number {
    if (joined === '') return 0;
    const words = joined.split('\n');
    for (let t = 0; t < words.length; t++) {
      const list = this.dict.get(words[t]!);
      if (list) list.push(slot, t);
      else this.dict.set(words[t]!, [slot, t]);
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
    const nWords = distinct.length;
    const termWord = terms.map((t) => distinct.indexOf(t.folded));
    // The rarest word drives; the other lists are walked along with it (every list is in slot
    // order), so a segment without one of the words costs a comparison, not a lookup.
    const order = distinct.map((_, i) => i).sort((a, b) => lists[a]!.length - lists[b]!.length);
    const scratch = this.scratchFor(nTerms);
    const { cursors, wordAt, listAt } = scratch;
    listAt.fill(0);
    const driver = lists[order[0]!]!;
    const groups = new Map<string, GroupAcc>();
    let hitCount = 0;

    segments: for (let d = 0; d < driver.length; d += 2) {
      const slot = driver[d]!;
      const seg = this.slots[slot];
      if (!seg) continue;
      wordAt[order[0]!] = driver[d + 1]!;
      for (let k = 1; k < nWords; k++) {
        const i = order[k]!;
        const list = lists[i]!;
        let at = listAt[i]!;
        while (at < list.length && list[at]! < slot) at += 2;
        listAt[i] = at;
        if (at === list.length) break segments; // this word occurs in no later segment
        if (list[at]! !== slot) continue segments;
        wordAt[i] = list[at + 1]!;
      }

      for (let i = 0; i < nWords; i++) cursors[i]!.reset(seg.data, seg.offsets[wordAt[i]!]!);
      // Per query word: the index of its typed form here (-1: never met), and whether that is
      // the word's only form (then every occurrence is accent-exact).
      for (let j = 0; j < nTerms; j++) {
        const w = wordAt[termWord[j]!]!;
        const from = seg.formStarts[w]!;
        const to = seg.formStarts[w + 1]! - 1;
        const exact = terms[j]!.exact;
        // An empty line: the word's only form is the word itself.
        const form =
          from === to
            ? exact === distinct[termWord[j]!]
              ? 0
              : -1
            : formIndex(seg.forms, from, to, exact);
        scratch.form[j] = form;
        scratch.always[j] = from === to && form === 0 ? 1 : 0;
      }
      hitCount += this.scanSegment(seg, scratch, nWords, termWord, groups);
    }
    if (hitCount === 0) return empty;
    const sorted = [...groups.values()]
      .sort((a, b) => b.best[0]!.score - a.best[0]!.score || byKey(a.key, b.key))
      .map((g) => g.result());
    return { query, terms, groups: sorted, hitCount };
  }

  /**
   * Adds the segment's pages where every query word occurs to its document's group in `groups`
   * (made at the first such page); returns how many. The cursors stand on their first pages. Scores are summed here, not in calls, so that a
   * page's score stays an unboxed number.
   */
  private scanSegment(
    seg: Loaded,
    scratch: PageScratch,
    nWords: number,
    termWord: readonly number[],
    groups: Map<string, GroupAcc>,
  ): number {
    const { cursors, form, always } = scratch;
    const nTerms = termWord.length;
    const kind = HIT_KIND[seg.kind];
    const isPage = kind === 'page';
    const id = isPage ? '' : seg.unitId.slice(seg.unitId.indexOf(':') + 1);
    let group: GroupAcc | undefined;
    let hits = 0;
    let page = 0;
    for (;;) {
      // Every cursor moves to the page or past it; one past it raises the page, and the cursors
      // before it are checked again (`next` is called from this one place, so that it is
      // compiled into this loop).
      let aligned = true;
      for (let k = 0; k < nWords; k++) {
        const c = cursors[k]!;
        while (c.page < page) c.next();
        if (c.page > page) {
          page = c.page;
          if (page === END) break;
          if (k > 0) aligned = false;
        }
      }
      if (page === END) break;
      if (!aligned) continue;
      if (!group) {
        const key = seg.docId ?? '';
        group = groups.get(key);
        if (!group) groups.set(key, (group = new GroupAcc(seg.docId)));
      }
      // Per query word 1 + ln(occurrences), +1 when it occurs here with the accents typed.
      let score = 0;
      let least = END;
      for (let j = 0; j < nTerms; j++) {
        const c = cursors[termWord[j]!]!;
        score += 1 + ln(c.tf);
        const f = form[j]!;
        if (f >= 0 && (always[j] === 1 || c.hasForm(f))) score += 1;
        if (c.tf < least) least = c.tf;
      }
      // With several words, the bonus for words standing together needs their positions: a page
      // that cannot reach the group's best hits even with the most it could add is counted
      // without reading them.
      const best = group.best;
      const last = best.length < TOP_HITS ? undefined : best[TOP_HITS - 1]!;
      if (nTerms > 1 && (!last || better(bonusBound(score, least, nTerms), page, last))) {
        score = scratch.withBonus(score, termWord);
      }
      group.count++;
      if (isPage) group.pages.push(page);
      if (!last || better(score, page, last)) group.insert(kind, page, score, id);
      hits++;
      page++;
    }
    return hits;
  }

  /** Buffers for a query of `terms` words, reused from one query to the next. */
  private scratchFor(terms: number): PageScratch {
    let s = this.scratch[terms];
    if (!s) this.scratch[terms] = s = new PageScratch(terms);
    return s;
  }
}

/**
 * The index of `exact` among the space-separated forms in `forms` from `from` to `to`
 * (exclusive), or -1 — what `forms.slice(from, to).split(' ').indexOf(exact)` gives, without
 * making strings.
 */
function formIndex(forms: string, from: number, to: number, exact: string): number {
  const length = exact.length;
  let index = 0;
  for (let at = from; at <= to; index++) {
    let stop = forms.indexOf(' ', at);
    if (stop < 0 || stop > to) stop = to;
    if (stop - at === length && forms.startsWith(exact, at)) return index;
    at = stop + 1;
  }
  return -1;
}

/** ln(n) for the small counts of a page, read from a table (the same values as Math.log). */
const LN = Float64Array.from({ length: 256 }, (_, n) => Math.log(n));

function ln(n: number): number {
  return n < 256 ? LN[n]! : Math.log(n);
}

/**
 * The most `withBonus` can make of a page's base score `score`: the phrase bonus counts at most
 * as many phrases as the rarest word has occurrences (`least`), the neighbour bonus is at most one
 * per pair. Summed in the same order as `withBonus` sums, so never below what it returns.
 */
function bonusBound(score: number, least: number, terms: number): number {
  const phrases = score + 4 + ln(least);
  let pairs = score;
  for (let j = 1; j < terms; j++) pairs += 1;
  return phrases > pairs ? phrases : pairs;
}

/** Reusable buffers for one query length (no allocation per page, nor per query once warm). */
class PageScratch {
  /** Per query word: index of the typed form in the segment, or -1. */
  readonly form: Int32Array;
  /** Per query word: 1 when every occurrence has the typed form. */
  readonly always: Uint8Array;
  /** One cursor per distinct word (a query uses the first ones). */
  readonly cursors: Cursor[];
  /** Per distinct word: its index in the current segment, and how far its list was walked. */
  readonly wordAt: Int32Array;
  readonly listAt: Int32Array;
  /** Per query word (in query order): its positions on the page and how many. */
  private readonly lists: Int32Array[];
  private readonly lengths: Int32Array;
  private readonly at: Int32Array;
  private readonly pair: Int32Array[];
  private readonly pairLengths = new Int32Array(2);

  constructor(terms: number) {
    this.form = new Int32Array(terms);
    this.always = new Uint8Array(terms);
    this.cursors = Array.from({ length: terms }, () => new Cursor());
    this.wordAt = new Int32Array(terms);
    this.listAt = new Int32Array(terms);
    this.lists = Array.from({ length: terms }, () => new Int32Array(64));
    this.lengths = new Int32Array(terms);
    this.at = new Int32Array(terms);
    this.pair = [this.lists[0]!, this.lists[0]!];
  }

  /**
   * The page's score: `score` (its base score) +4 + ln(n) when the words stand together as a
   * phrase n times, else +1 for each pair of neighbouring query words that stand together
   * somewhere. The cursors stand on the page.
   */
  withBonus(score: number, termWord: readonly number[]): number {
    const n = termWord.length;
    const { lists, lengths } = this;
    for (let j = 0; j < n; j++) {
      const c = this.cursors[termWord[j]!]!;
      if (lists[j]!.length < c.tf) lists[j] = new Int32Array(2 * c.tf);
      lengths[j] = c.readPositions(lists[j]!);
    }
    const phrases = countPhrases(lists, lengths, this.at);
    if (phrases > 0) return score + 4 + ln(phrases);
    for (let j = 0; j + 1 < n; j++) {
      this.pair[0] = lists[j]!;
      this.pair[1] = lists[j + 1]!;
      this.pairLengths[0] = lengths[j]!;
      this.pairLengths[1] = lengths[j + 1]!;
      // Adding 0 (not skipping the addition) keeps this code compiled for both cases.
      score += countPhrases(this.pair, this.pairLengths, this.at) > 0 ? 1 : 0;
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

  /** Puts a hit among the best ones (it ranks above the last of them, or there is room). */
  insert(kind: SearchHit['kind'], pageIndex: number, score: number, id: string): void {
    const best = this.best;
    const hit: SearchHit = { kind, pageIndex, score };
    if (kind === 'annotation') hit.annotationId = id;
    else if (kind === 'note') hit.noteId = id;
    let i = Math.min(best.length, TOP_HITS - 1);
    for (; i > 0 && better(score, pageIndex, best[i - 1]!); i--) best[i] = best[i - 1]!;
    best[i] = hit;
  }

  result(): SearchGroup {
    // The other pages: every page hit but those among the best hits (at most TOP_HITS), in place.
    const { pages, best } = this;
    const skip: number[] = [];
    for (const hit of best) {
      const at = hit.kind === 'page' ? pages.indexOf(hit.pageIndex) : -1;
      if (at < 0) continue;
      let i = skip.length;
      for (; i > 0 && skip[i - 1]! > at; i--) skip[i] = skip[i - 1]!;
      skip[i] = at;
    }
    if (skip.length > 0) {
      let kept = skip[0]!;
      let s = 0;
      for (let r = kept; r < pages.length; r++) {
        if (r === skip[s]) s++;
        else pages[kept++] = pages[r]!;
      }
      pages.length = kept;
    }
    const score = best[0]!.score;
    return this.docId
      ? { docId: this.docId, title: '', score, hitCount: this.count, best, otherPages: pages }
      : { title: '', score, hitCount: this.count, best, otherPages: pages };
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
