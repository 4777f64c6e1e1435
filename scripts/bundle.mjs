// Bundles the CLI and its worker into dist/bundle/ so that a cold start loads one file instead of
// ~60 modules. What only some runs need stays outside and loads on first use.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'node20',
  // loaded on first use only: cheerio for HTML, nodejieba for --segment, chalk and string-width for the table
  external: ['cheerio', 'cheerio/*', 'nodejieba', 'chalk', 'string-width'],
  // bundled CommonJS (commander) calls require() for Node's own modules
  banner: { js: "import { createRequire as __zonefactsRequire } from 'node:module'; const require = __zonefactsRequire(import.meta.url);" },
  legalComments: 'none',
  // the script tables are CJK strings: as UTF-8 they are half the size of \u escapes
  charset: 'utf8',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
});
