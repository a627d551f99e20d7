// Reads from the briefcase database with Dexie's liveQuery, so the database is the store: every
// component re-renders when the rows it read change (also when another tab changes them).
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (v) => setValue(() => v),
      error: (e) => console.error(e),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
