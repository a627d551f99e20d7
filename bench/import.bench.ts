// Member import: previewing 1,000 members from a .csv and from an .xlsx file (read, header found,
// every row cleaned and checked for duplicates and unknown committees), against the same run's
// plain split of the same CSV into lines and fields. The target: 1,000 rows in under 2 s.
import { performance } from 'node:perf_hooks';
import { strToU8 } from 'fflate';
import { previewMemberImport } from '../meeting-server/src/admin/member-import';
import {
  buildXlsx,
  manyMemberRows,
  toCsv,
} from '../meeting-server/src/admin/member-import/testing';
import { ms, quantile, rows } from './harness';

const MEMBERS = 1000;
const RUNS = 15;
const CONTEXT = {
  committees: [
    { id: 'pc', name: 'Ban Pháp chế' },
    { id: 'kt', name: 'Ban Kinh tế - Ngân sách' },
  ],
  groups: [],
  existing: [],
};

/** Median time of `RUNS` calls after two warm-up calls. */
function median(fn: () => unknown): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

export async function benchImport() {
  const table = manyMemberRows(MEMBERS);
  const text = toCsv(table);
  const csv = strToU8(text);
  const xlsx = buildXlsx(table, { merges: [] });
  const baseline = median(() =>
    new TextDecoder()
      .decode(csv)
      .split('\r\n')
      .map((line) => line.split(',')),
  );
  for (const [name, bytes] of [
    ['csv', csv],
    ['xlsx', xlsx],
  ] as const) {
    let total = 0;
    const t = median(() => {
      total = previewMemberImport(bytes, CONTEXT).summary.total;
    });
    if (total !== MEMBERS) throw new Error(`import bench: read ${total} rows of ${MEMBERS}`);
    rows.push({
      name: `import preview, ${MEMBERS} members (.${name}, ${(bytes.length / 1024).toFixed(0)} KB)`,
      figure: ms(t),
      baseline: `${ms(baseline)} (CSV split into fields)`,
      ratio: `${(t / baseline).toFixed(0)}×`,
      target: '< 2000 ms',
      met: t < 2000,
    });
  }
}
