// npm run bundle: the CLI as one CommonJS file with V8's code cache beside it (bin/cli-loader.cjs,
// docs/PERFORMANCE.md#code-cache), and the parser threads as ES modules (each a Worker of its own).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { writeCodeCache } from '../bin/cli-loader.cjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'pg'],
  logLevel: 'warning',
};

/**
 * Modules only an import (zips, parser threads) or nothing at all (commander's executable subcommands) uses,
 * loaded when first used instead of at every start: each is required through a stand-in whose properties
 * load it (docs/PERFORMANCE.md#lazy-modules). Their exports are only used inside functions, never while the
 * bundle loads; a default import (`import zlib from 'node:zlib'`) stays lazy because esbuild's interop reads
 * no property of it in node mode, and CommonJS requires it (commander) read properties only when used. A
 * named import (`import { Worker } from 'node:worker_threads'`) cannot be: esbuild's interop copies the
 * stand-in's properties when the bundle loads, and finds none.
 */
const LAZY_MODULES = ['node:child_process', 'node:zlib', 'yauzl'];
/**
 * And in the CLI's bundle, what only sending mail loads (nodemailer, which imports them by default import):
 * no other command needs them (docs/PERFORMANCE.md#today-speed). Not in `tend serve`'s bundle: its server
 * imports names of `node:http`.
 */
const MAIL_MODULES = ['node:http', 'node:https', 'node:dns', 'node:net', 'node:tls'];
const lazyModules = (names) => ({
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${names.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-module' ? undefined : { path: args.path, namespace: 'lazy-module' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: `let loaded;
        const load = () => (loaded ??= require(${JSON.stringify(args.path)}));
        module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });`,
      loader: 'js',
      resolveDir: new URL('..', import.meta.url).pathname,
    }));
  },
});

// Files an earlier layout left (main.js before main.cjs) would otherwise ship in the package.
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true });

/**
 * `tend serve`'s code (Hono, zod, the routes) is a bundle of its own, loaded by the serve command only: the
 * CLI's bundle, which every other command loads and compiles, stays as small as it was.
 */
const serveApart = {
  name: 'serve-apart',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/http\/serve\.js$/ }, (args) =>
      args.importer.endsWith('serve.command.ts') ? { path: './serve.cjs', external: true } : undefined,
    );
  },
};

const cjs = {
  format: 'cjs',
  // The sources find their files (package.json, sample/, the workers) from their own URL.
  define: { 'import.meta.url': '__tendImportMetaUrl' },
  // `import('pg')` as a require: code compiled from a cache has no dynamic import (docs/PERFORMANCE.md#code-cache).
  supported: { 'dynamic-import': false },
  plugins: [lazyModules(LAZY_MODULES)],
  banner: { js: "var __tendImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  ...cjs,
  entryPoints: ['src/http/serve.ts'],
  outfile: 'dist/bundle/serve.cjs',
});
await build({
  ...common,
  ...cjs,
  plugins: [lazyModules([...LAZY_MODULES, ...MAIL_MODULES]), serveApart],
  entryPoints: ['src/cli/main.ts'],
  format: 'cjs',
  outfile: 'dist/bundle/main.cjs',
});
await build({
  ...common,
  entryPoints: [
    'src/importers/linkedin/linkedin-records.worker.ts',
    'src/importers/file-hash.worker.ts',
    'src/store/wal-checkpoint.worker.ts',
  ],
  format: 'esm',
  outdir: 'dist/bundle',
  entryNames: '[name]',
  banner: {
    js: "import{createRequire as __tendRequire}from'node:module';const require=__tendRequire(import.meta.url);",
  },
});
const main = new URL('../dist/bundle/main.cjs', import.meta.url).pathname;
// A name imported from a lazy module would be read from an empty stand-in (see LAZY_MODULES): refused here.
const named = /\bimport_node_(?:http|https|dns|net|tls)\d*\.(?!default\b)\w+/.exec(
  readFileSync(main, 'utf8'),
);
if (named) throw new Error(`bundle: ${named[0]} is a named import of a lazy module (scripts/bundle.mjs)`);
writeFileSync(main, asciiOnly(readFileSync(main, 'utf8')));
writeCodeCache(main);

/**
 * The bundle with every character above U+007F written as a `\uXXXX` escape. esbuild escapes them in strings
 * but not in comments and regular expressions, and one such character made V8 hold the 1.2 MB source as two
 * bytes a character (600 more page faults at each start, docs/PERFORMANCE.md#code-cache). The escape means
 * the same character in a regular expression, an identifier or a string; after a backslash it would not, and
 * a character beyond U+FFFF would need another form: both stop the build instead.
 */
function asciiOnly(source) {
  return source.replace(/[\u0080-\uffff]/g, (char, offset) => {
    if (source[offset - 1] === '\\' || char.length > 1 || /[\ud800-\udfff]/.test(char))
      throw new Error(`bundle: cannot escape ${JSON.stringify(char)} at offset ${offset} of ${main}`);
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
