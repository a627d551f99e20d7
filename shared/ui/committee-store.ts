// Where a counting-committee console keeps its key secrets in the browser: one IndexedDB database
// of this origin (the web client's, or the extension's for its side panel). Nothing in it is ever
// sent; losing it is losing this member's device (the count still completes with t others).
import type { SecretStore } from '../ballot-committee';

const DB = 'hdnd-ballot-committee';
const STORE = 'secrets';

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function indexedDbSecretStore(factory: IDBFactory = indexedDB): SecretStore {
  let db: Promise<IDBDatabase> | null = null;
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>) => {
    db ??= open(factory);
    const store = (await db).transaction(STORE, mode).objectStore(STORE);
    return new Promise<T>((resolve, reject) => {
      const req = op(store);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  };
  return {
    get: async (key) => {
      const v = await run<unknown>('readonly', (s) => s.get(key));
      return typeof v === 'string' ? v : undefined;
    },
    set: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
  };
}
