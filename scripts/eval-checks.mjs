// The planted-error benchmark of the checks: node scripts/eval-checks.mjs [dir] [-v]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBench, runCheckBench } from '../dist/check/benchmark.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('-')) ?? path.join(root, 'fixtures', 'checks');
try {
  process.stdout.write(formatBench(runCheckBench(dir), args.includes('-v') || args.includes('--verbose')));
} catch (err) {
  process.stderr.write(`eval-checks: ${err.message}\n`);
  process.exit(1);
}
