// Benchmark harness: runs a measured function and its baseline in the same process, prints them
// side by side, and collects rows for the final table. No timed assertions: figures are reported.
import { performance } from 'node:perf_hooks';

export interface Row {
  name: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

export const rows: Row[] = [];

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Times `n` calls of `fn` with at most `concurrency` in flight; returns sorted latencies (ms) and wall time. */
export async function timeMany(
  n: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return { latencies, wallMs, perSecond: (n / wallMs) * 1000 };
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;

export function printTable() {
  const header = ['benchmark', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'];
  const body = rows.map((r) => [
    r.name,
    r.figure,
    r.baseline,
    r.ratio,
    r.target,
    r.met === undefined ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const b of body) console.log(line(b));
}
