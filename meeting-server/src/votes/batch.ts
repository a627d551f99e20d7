// Natural batching (group commit) for the hot path of a vote: while one statement for a key runs,
// the requests that arrive for the same key wait and then go together in the next statement. A
// lone request goes at once (no added delay); under a burst of 1,000 ballots, one statement and one
// commit carry dozens of them, which is what lets a single PGlite connection keep up.
// Every caller still gets only its own answer, and only after the statement that holds it is done.

export interface Batcher<I, O> {
  run(key: string, item: I): Promise<O>;
}

/**
 * `exec` receives the items of one batch (at most `max`) and answers one output per item, in
 * order. If it throws, every item of that batch gets the error; later batches still run.
 */
export function createBatcher<I, O>(
  exec: (key: string, items: I[]) => Promise<O[]>,
  max = 256,
): Batcher<I, O> {
  interface Waiting {
    item: I;
    resolve: (o: O) => void;
    reject: (e: unknown) => void;
  }
  const queues = new Map<string, Waiting[]>();

  async function drain(key: string, queue: Waiting[]) {
    try {
      while (queue.length) {
        // Let the requests already received reach the queue first: PGlite runs a statement
        // synchronously once called, so without this pause every batch would be a batch of one.
        await new Promise((r) => setImmediate(r));
        const batch = queue.splice(0, max);
        try {
          const out = await exec(
            key,
            batch.map((w) => w.item),
          );
          batch.forEach((w, i) => w.resolve(out[i]!));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      queues.delete(key);
    }
  }

  return {
    run(key, item) {
      return new Promise<O>((resolve, reject) => {
        const queue = queues.get(key);
        if (queue) {
          queue.push({ item, resolve, reject });
          return;
        }
        const fresh: Waiting[] = [{ item, resolve, reject }];
        queues.set(key, fresh);
        void drain(key, fresh);
      });
    },
  };
}
