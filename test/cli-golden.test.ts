/**
 * The CLI pinned by golden files: one file per invocation in test/golden/, holding the command,
 * its standard input, stdout, stderr and exit code. Regenerate with UPDATE=1 and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

interface Golden {
  args: string[];
  stdin?: string;
  exit: number;
  stdout: string;
  stderr: string;
}

const DIR = path.join(ROOT, 'test', 'golden');

describe('CLI golden files', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    it(file, () => {
      const golden = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Golden;
      const got = runCli(golden.args, golden.stdin);
      if (process.env.UPDATE) {
        writeFileSync(path.join(DIR, file), `${JSON.stringify({ ...golden, ...got }, null, 2)}\n`);
        return;
      }
      expect(got.exit).toBe(golden.exit);
      expect(got.stderr).toBe(golden.stderr);
      expect(got.stdout).toBe(golden.stdout);
    });
  }
});
