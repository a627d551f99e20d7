// `npm run verify-vote -- <motion id | board URL | board.json | ->`: checks a secret vote's public
// bulletin board from the board alone — hash chain, every ballot's proofs, the committee's
// decryption shares — recomputes the result and prints the problems in Vietnamese and English.
// A motion id is fetched from the meeting server's public board route (`/api/boards/:motionId`) at
// HDND_SERVER (default http://localhost:3000); a file or stdin is read as an exported board.
// Exit code 0 when the board verifies, 1 when it does not, 2 when the board cannot be read.
import { readFileSync } from 'node:fs';
import { describeVerification, verifyBoard } from '../shared/ballot-crypto/verify';

const arg = process.argv[2];
if (!arg) {
  console.error(
    'Cách dùng / usage: npm run verify-vote -- <mã biểu quyết | URL | board.json | ->\n' +
      '  (máy chủ / server: HDND_SERVER, mặc định / default http://localhost:3000)',
  );
  process.exit(2);
}

async function readBoard(source: string): Promise<unknown> {
  if (source === '-') return JSON.parse(readFileSync(0, 'utf8'));
  if (/^https?:\/\//.test(source)) return fetchJson(source);
  try {
    return JSON.parse(readFileSync(source, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const server = (process.env.HDND_SERVER ?? 'http://localhost:3000').replace(/\/$/, '');
  return fetchJson(`${server}/api/boards/${encodeURIComponent(source)}`);
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

let board: unknown;
try {
  board = await readBoard(arg);
} catch (e) {
  console.error(
    `Không đọc được bảng / cannot read the board: ${e instanceof Error ? e.message : e}`,
  );
  process.exit(2);
}
const v = verifyBoard(board);
console.log(describeVerification(v));
process.exit(v.ok ? 0 : 1);
