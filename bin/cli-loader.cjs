// Loads the CLI bundle (dist/bundle/main.cjs) with V8's code cache made at build time beside it
// (docs/PERFORMANCE.md#code-cache): compiling the 1.2 MB bundle was the largest part of every command's start.
'use strict';
// CommonJS, as bin/tend: an ES module entry point costs every command Node's ES module loader
// (docs/PERFORMANCE.md#commonjs-entry).
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');
const crypto = require('node:crypto');
const { Buffer } = require('node:buffer');

/** The bundle inside the function Node wraps a CommonJS module in, so it runs as one. */
const wrap = (source) =>
  `(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`;

/**
 * The cache starts with the SHA-1 of the bundle it was made from: V8 itself checks only the source's length,
 * and a rebuilt bundle of the same length must never run another one's code.
 */
const STAMP_BYTES = 40;
const stampOf = (source) => crypto.createHash('sha1').update(source).digest('hex');

/** The bundle has no `import()` (scripts/bundle.mjs makes them requires): a script compiled from a cache has none. */
function compile(file, source, cachedData) {
  return new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
}

function run(file, script) {
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** The code cache made from this very bundle, or undefined (none, or made from another build). */
function cacheOf(file, source) {
  try {
    const cache = readFileSync(`${file}.cache`);
    if (cache.subarray(0, STAMP_BYTES).toString('latin1') === stampOf(source))
      return cache.subarray(STAMP_BYTES);
  } catch {
    // No cache (a build without it): compiled as usual.
  }
  return undefined;
}

/** The bundle's exports, compiled from its code cache when the cache was made from this very bundle. */
function loadBundle(file) {
  const source = readFileSync(file);
  // A cache V8 rejects (another Node version, other V8 flags) only costs the compile it would have saved.
  return run(file, compile(file, source, cacheOf(file, source)));
}

/** Whether this process would compile the bundle from its cache (a test of the build). */
function codeCacheAccepted(file) {
  const source = readFileSync(file);
  const cachedData = cacheOf(file, source);
  return cachedData !== undefined && compile(file, source, cachedData).cachedDataRejected === false;
}

/**
 * Writes the bundle's code cache (npm run bundle): compiled, its top level run (what every command runs
 * first), then serialised with the stamp of its source. Written beside it under a temporary name, then renamed.
 */
function writeCodeCache(file) {
  const source = readFileSync(file);
  const script = compile(file, source);
  run(file, script);
  const data = Buffer.concat([Buffer.from(stampOf(source), 'latin1'), script.createCachedData()]);
  writeFileSync(`${file}.cache.tmp`, data);
  renameSync(`${file}.cache.tmp`, `${file}.cache`);
}

module.exports = { loadBundle, codeCacheAccepted, writeCodeCache };
