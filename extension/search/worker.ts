// The search worker: indexes the briefcase off the page's main thread. Thin: the logic is in
// indexer.ts. A sync request while one runs queues exactly one more run.
import { getDb } from '../db/db';
import { syncIndex } from './indexer';
import type { IndexerReply, IndexerRequest } from './messages';
import { getSearchDb } from './search-db';

const scope = self as unknown as {
  postMessage(message: IndexerReply): void;
  onmessage: ((event: MessageEvent<IndexerRequest>) => void) | null;
};

let running = false;
let again = false;

async function run(): Promise<void> {
  running = true;
  try {
    const result = await syncIndex(getDb(), getSearchDb(), (p) =>
      scope.postMessage({ type: 'progress', ...p }),
    );
    scope.postMessage({ type: 'done', ...result });
  } catch (error) {
    scope.postMessage({ type: 'error', message: String(error) });
  } finally {
    running = false;
    if (again) {
      again = false;
      void run();
    }
  }
}

scope.onmessage = (event) => {
  if (event.data.type !== 'sync') return;
  if (running) again = true;
  else void run();
};
