// npm run bundle: the CLI as one CommonJS file with V8's code cache beside it (bin/cli-loader.mjs,
// docs/PERFORMANCE.md#code-cache), and the parser threads as ES modules (each a Worker of its own).
import { build } from 'esbuild';
import { writeCodeCache } from '../bin/cli-loader.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'pg'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  format: 'cjs',
  outfile: 'dist/bundle/main.cjs',
  // The sources find their files (package.json, sample/, the workers) from their own URL.
  define: { 'import.meta.url': '__tendImportMetaUrl' },
  // `import('pg')` as a require: code compiled from a cache has no dynamic import (docs/PERFORMANCE.md#code-cache).
  supported: { 'dynamic-import': false },
  banner: { js: "var __tendImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: ['src/importers/linkedin/linkedin-records.worker.ts', 'src/importers/file-hash.worker.ts'],
  format: 'esm',
  outdir: 'dist/bundle',
  entryNames: '[name]',
  banner: {
    js: "import{createRequire as __tendRequire}from'node:module';const require=__tendRequire(import.meta.url);",
  },
});
writeCodeCache(new URL('../dist/bundle/main.cjs', import.meta.url).pathname);
