// Page side of search indexing: starts the search worker and asks it to sync whenever the
// briefcase's documents, pages, annotations or notes change (and once at page load).
// `indexing` is a signal the UI shows as progress; each report also tells the page's query engine
// that the index changed.
import { signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { getDb, type BriefcaseDb } from '../db/db';
import { engineFor } from './engine';
import type { IndexerReply } from './messages';
import { getSearchDb } from './search-db';
import SearchWorker from './worker?worker';

export interface IndexingState {
  status: 'idle' | 'indexing' | 'error';
  done: number;
  total: number;
  message?: string;
}

export const indexing = signal<IndexingState>({ status: 'idle', done: 0, total: 0 });

let started: (() => void) | undefined;

/** Starts indexing in a worker; returns a function that stops it. Idempotent. */
export function startSearchIndexing(db: BriefcaseDb = getDb()): () => void {
  if (started) return started;
  const worker = new SearchWorker();
  worker.onmessage = (event: MessageEvent<IndexerReply>) => {
    const m = event.data;
    engineFor(getSearchDb()).invalidate();
    if (m.type === 'progress') {
      indexing.value = {
        status: m.done < m.total ? 'indexing' : 'idle',
        done: m.done,
        total: m.total,
      };
    } else if (m.type === 'done') {
      indexing.value = { ...indexing.value, status: 'idle' };
    } else {
      indexing.value = { ...indexing.value, status: 'error', message: m.message };
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const subscription = liveQuery(() =>
    Promise.all([
      db.documents.count(),
      db.pages.count(),
      db.annotations.toCollection().keys(),
      db.notes.toCollection().keys(),
      db.annotations.orderBy('updatedAt').last(),
      db.notes.orderBy('updatedAt').last(),
    ]),
  ).subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => worker.postMessage({ type: 'sync' }), 250);
  });
  started = () => {
    subscription.unsubscribe();
    clearTimeout(timer);
    worker.terminate();
    started = undefined;
  };
  return started;
}
