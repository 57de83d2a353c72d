import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of docs/ARCHITECTURE.md, checked over the real import graph: domain imports nothing
 * else from src/; importers and store only domain; services those three; adapters (cli, http) never the
 * store or a driver directly.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

const allowed: Record<string, readonly string[]> = {
  domain: ['domain'],
  importers: ['domain', 'importers'],
  store: ['domain', 'store'],
  services: ['domain', 'importers', 'store', 'services'],
  cli: ['services', 'domain', 'cli', 'app.ts', 'config.ts'],
  http: ['services', 'domain', 'http', 'app.ts', 'config.ts'],
  'app.ts': ['services', 'store', 'domain', 'config.ts'],
  'config.ts': ['domain', 'store'],
};

const DRIVERS = ['kysely', 'better-sqlite3', 'pg'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

function layerOf(file: string): string {
  const [first] = relative(root, file).split(/[\\/]/);
  return (first ?? '').replace(/\.js$/, '.ts');
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? '');
}

describe('the dependency rule', () => {
  const files = sourceFiles(root);

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    const layer = layerOf(file);
    const rule = allowed[layer];
    it(`${relative(root, file)} imports only what its layer may`, () => {
      expect(rule, `no rule for layer ${layer}`).toBeDefined();
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier);
          const targetLayer = layerOf(target);
          expect(rule, `${relative(root, file)} imports ${specifier} (layer ${targetLayer})`).toContain(
            targetLayer,
          );
        } else if (DRIVERS.includes(specifier.split('/')[0] ?? '')) {
          expect(layer, `${relative(root, file)} imports the driver ${specifier}`).toBe('store');
        }
      }
    });
  }
});

/**
 * The repository passes its tests alone, on a fresh clone with nothing beside it: no source, test, benchmark
 * or sample file may name a path that leads outside the repository (a relative path climbing above the root,
 * or an absolute path into someone's machine). Real files from other projects are copied into
 * test/fixtures/external/ with their licences.
 */
describe('nothing outside the repository', () => {
  const repo = resolve(root, '..');
  const scanned = ['src', 'test', 'bench', 'sample'].flatMap((folder) => textFiles(join(repo, folder)));

  it('finds the files to scan', () => {
    expect(scanned.length).toBeGreaterThan(50);
  });

  it('no file names a path outside the repository', () => {
    const outside: string[] = [];
    for (const file of scanned) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:\.\.\/)+[\w@.-]*/g)) {
        const target = resolve(dirname(file), match[0]);
        if (relative(repo, target).startsWith('..')) outside.push(`${relative(repo, file)}: ${match[0]}`);
      }
      for (const match of text.matchAll(/['"`](\/(?:work|home|Users|root)\/[^'"`\s]*)/g)) {
        outside.push(`${relative(repo, file)}: ${match[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

function textFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (name === 'node_modules' || name === 'data' || name === 'out' || name === 'external') return [];
    if (statSync(full).isDirectory()) return textFiles(full);
    return /\.(ts|tsx|mjs|js|json|md|sh)$/.test(name) ? [full] : [];
  });
}
