// Loads data for a page section through `act` (errors reach the feedback line) and reloads on demand.
import { useEffect, useState } from 'preact/hooks';
import { act } from './notice';

export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): [T | null, () => Promise<void>] {
  const [value, setValue] = useState<T | null>(null);
  const reload = async () => {
    const v = await act(load);
    if (v !== null) setValue(v);
  };
  useEffect(() => void reload(), deps);
  return [value, reload];
}
