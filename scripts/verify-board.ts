// `npx tsx scripts/verify-board.ts <board.json>` (or `-` for stdin): checks a secret vote's public
// bulletin board from the file alone — hash chain, every ballot's proofs, the committee's
// decryption shares — recomputes the result, and prints the problems in Vietnamese and English.
// Exit code 0 when the board verifies, 1 when it does not, 2 when the file cannot be read. The
// integration adds `npm run verify-vote -- <motion>`, which fetches the board and calls the same code.
import { readFileSync } from 'node:fs';
import { describeVerification, verifyBoard } from '../shared/ballot-crypto/verify';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng / usage: npx tsx scripts/verify-board.ts <board.json | ->');
  process.exit(2);
}
let board: unknown;
try {
  board = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
} catch (e) {
  console.error(`Không đọc được tệp / cannot read the file: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
}
const v = verifyBoard(board);
console.log(describeVerification(v));
process.exit(v.ok ? 0 : 1);
