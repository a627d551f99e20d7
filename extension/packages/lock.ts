// One run at a time per session package, across every context of the extension (the package page,
// the offscreen document that updates in the background, the service worker's manifest check):
// the Web Locks API, which all contexts of the extension's origin share. Where it is missing (Node
// tests) an in-process queue gives the same order. Locks are not re-entrant: never nest one name.
const queues = new Map<string, Promise<unknown>>();

export const packageLockName = (subscriptionKey: string) => `hdnd-package:${subscriptionKey}`;

export async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (locks) return locks.request(name, fn);
  const before = queues.get(name) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const tail = run.catch(() => undefined);
  queues.set(name, tail);
  try {
    return await run;
  } finally {
    if (queues.get(name) === tail) queues.delete(name);
  }
}
