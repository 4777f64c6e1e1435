// Bundles the CLI and its worker into dist/bundle/*.cjs, so that a cold start reads one file
// through Node's CommonJS loader (lighter than the ES module loader) instead of ~60 modules.
// What only some runs need stays outside and loads on first use: cheerio for HTML, nodejieba for
// --segment, chalk and string-width (ES modules, loaded with import()) for the table.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

// the keyword dictionary is read at run time from ../vocab beside dist/summarize and dist/bundle
for (const f of readdirSync('src/vocab').filter((f) => f.startsWith('keywords'))) cpSync(`src/vocab/${f}`, `dist/vocab/${f}`);

/**
 * commander requires node:child_process at load time, for executable subcommands zonefacts does
 * not have; loading it (and net, dgram, tty behind it) costs every start a few milliseconds.
 * The bundle gets a stand-in that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'zonefacts' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zonefacts' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

await build({
  plugins: [lazyChildProcess],
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['cheerio', 'cheerio/*', 'nodejieba', 'chalk', 'string-width'],
  define: { 'import.meta.url': '__zonefactsUrl', __ZONEFACTS_WORKER__: '"./worker.cjs"' },
  banner: { js: "const __zonefactsUrl = require('node:url').pathToFileURL(__filename).href;" },
  // the script tables are CJK strings: as UTF-8 they are half the size of \u escapes
  charset: 'utf8',
  legalComments: 'none',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
});
