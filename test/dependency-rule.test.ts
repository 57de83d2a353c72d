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
  runtime: ['runtime'],
  services: ['domain', 'importers', 'store', 'services', 'runtime'],
  // `tend serve` starts the HTTP adapter (loaded on demand from a bundle of its own): cli → http, never back.
  cli: ['services', 'domain', 'cli', 'http', 'app.ts', 'config.ts'],
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
 * No import cycles: a module and everything it imports can be read (and moved) without the modules that
 * import it. Type-only imports count too — a cycle of types is still two files that cannot be understood
 * apart. Reported as the files of each cycle, in import order.
 */
describe('no import cycles', () => {
  const files = sourceFiles(root);
  const graph = new Map(
    files.map((file) => [
      file,
      importsOf(file)
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'))
        .filter((target) => target !== file),
    ]),
  );

  it('reads an import graph with edges', () => {
    expect([...graph.values()].some((targets) => targets.length > 0)).toBe(true);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const toy = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cyclesOf(toy)).toEqual([['a', 'b', 'c']]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('no module imports itself through others', () => {
    const cycles = cyclesOf(graph).map((cycle) => cycle.map((file) => relative(root, file)).join(' → '));
    expect(cycles).toEqual([]);
  });
});

/** Strongly connected components of more than one node (Tarjan), each from its first-visited node. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.reverse());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Files a maintainer can hold in mind: no non-test source file over 400 lines. */
const MAX_LINES = 400;

describe('small files', () => {
  it(`no source file exceeds ${MAX_LINES} lines`, () => {
    const over = sourceFiles(root)
      .map((file) => [relative(root, file), readFileSync(file, 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES);
    expect(over.map(([file, lines]) => `${file}: ${lines} lines`)).toEqual([]);
  });
});

/**
 * Every environment switch is read in one place (src/config.ts, documented in the README): the CLI hands the
 * process environment to it (cli/cli-io.ts) and nothing else reads `process.env`.
 */
describe('environment switches', () => {
  it('only config.ts reads them, from the environment the CLI hands over', () => {
    const readers = sourceFiles(root)
      .filter((file) => readFileSync(file, 'utf8').includes('process.env'))
      .map((file) => relative(root, file).split(/[\\/]/).join('/'));
    expect(readers).toEqual(['cli/cli-io.ts']);
  });
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
