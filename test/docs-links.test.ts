import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The spec lives in the repository (docs/rules/README.md): no comment or doc may send a maintainer to a file
 * a clone does not have, every `docs/…md#anchor` reference must land on a page and an anchor that exist, and
 * every test a rule page names as its proof must exist under that name.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const self = relative(repo, fileURLToPath(import.meta.url));

/** Names of files that live outside the repository (the team's shared folder), and section numbers of them. */
const OUTSIDE: ReadonlyArray<[pattern: RegExp, what: string]> = [
  [/\brules\.md\b/g, 'rules.md'],
  [/\bproduct\.md\b/g, 'product.md'],
  [/\btie-strength\.md\b/g, 'tie-strength.md'],
  [/\bimport-formats\.md\b/g, 'import-formats.md'],
  // The repository's own is docs/ARCHITECTURE.md, in capitals.
  [/\barchitecture\.md\b/g, 'architecture.md'],
  [/\bseeds? 0\d\d\b/gi, 'a seed essay'],
  [/\.\.\/shared\b|\bshared\/(?:reference|seeds|external)\b/g, 'the shared folder'],
  [/\b(?:capability|principle) \d+\b/gi, 'a section of the product description'],
  // A section of a published standard (RFC 5545 §3.1, ISO 8601 §4) is a fine citation.
  [/(?<!\b(?:RFC|ISO|ECMA|IEEE)[- ]?\d[\d.:-]*,? )§\s?\d/g, 'a numbered section of an outside document'],
];

const SCANNED_FOLDERS = ['src', 'test', 'bench', 'sample', 'docs', '.ci'];
const SKIPPED = new Set(['node_modules', 'dist', 'data', 'out', 'external']);

function textFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (SKIPPED.has(name)) return [];
    if (statSync(full).isDirectory()) return textFiles(full);
    return /\.(ts|tsx|mjs|js|json|md|sh)$/.test(name) || folder.endsWith('.ci') ? [full] : [];
  });
}

const files = [join(repo, 'README.md'), ...SCANNED_FOLDERS.flatMap((folder) => textFiles(join(repo, folder)))]
  .map((full) => relative(repo, full))
  .filter((file) => file !== self);

const read = (file: string) => readFileSync(join(repo, file), 'utf8');

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Markdown text outside fenced code blocks (examples in fences are not references). */
function withoutFences(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slugOf(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (!anchors) {
    const text = withoutFences(read(file));
    anchors = new Set([
      ...[...text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)].map((match) => match[1] ?? ''),
      ...[...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slugOf(match[1] ?? '')),
    ]);
    anchorCache.set(file, anchors);
  }
  return anchors;
}

/** Why `target` (repo-relative, with an optional #anchor) does not resolve, or null when it does. */
function brokenTarget(target: string): string | null {
  const [path = '', anchor] = target.split('#');
  if (!existsSync(join(repo, path))) return `no file ${path}`;
  if (anchor === undefined || anchor === '') return null;
  if (!path.endsWith('.md')) return null;
  return anchorsOf(path).has(anchor) ? null : `no anchor #${anchor} in ${path}`;
}

describe('the repository names only what it holds', () => {
  it('finds the files to scan', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('docs/rules/README.md');
  });

  it('tells citations of outside files from citations of standards', () => {
    const flagged = (text: string) => OUTSIDE.some(([pattern]) => text.match(pattern) !== null);
    for (const text of [
      '(rules.md, Time)',
      'import-formats.md §2.8',
      '(§9.8)',
      'seeds 001 and 004',
      '../shared',
    ])
      expect(flagged(text), text).toBe(true);
    for (const text of [
      'RFC 5545 §3.3.11',
      'RFC 4180 § 2',
      'docs/ARCHITECTURE.md',
      'docs/rules/agenda.md#closers',
    ])
      expect(flagged(text), text).toBe(false);
  });

  it('no comment or doc cites a file outside the repository', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = read(file);
      for (const [pattern, what] of OUTSIDE) {
        for (const match of text.matchAll(pattern)) {
          found.push(
            `${file}:${lineOf(text, match.index)}: "${match[0]}" (${what}): cite docs/rules/<page>.md#<id>`,
          );
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('every docs/…md#anchor reference lands on a page and an anchor that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = file.endsWith('.md') ? withoutFences(read(file)) : read(file);
      for (const match of text.matchAll(/(?<![\w./-])docs\/[\w./-]*?\.md(?:#[\w-]+)?/g)) {
        const why = brokenTarget(match[0]);
        if (why) broken.push(`${file}:${lineOf(text, match.index)}: ${match[0]}: ${why}`);
      }
      if (!file.endsWith('.md')) continue;
      // Relative Markdown links between pages, and #anchors within one.
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = match[1] ?? '';
        if (/^[a-z]+:/i.test(link)) continue;
        const [path = '', anchor] = link.split('#');
        const target = path === '' ? file : relative(repo, resolve(repo, dirname(file), path));
        const why = brokenTarget(anchor === undefined ? target : `${target}#${anchor}`);
        if (why) broken.push(`${file}:${lineOf(text, match.index)}: ${link}: ${why}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every test a rule page names as its proof exists under that name', () => {
    const pages = files.filter((file) => file.startsWith('docs/rules/') && file.endsWith('.md'));
    const missing: string[] = [];
    let cited = 0;
    for (const page of pages) {
      const text = withoutFences(read(page));
      for (const line of text.matchAll(/^\s*- Proved by[^:]*:(.*)$/gm)) {
        for (const proof of (line[1] ?? '').matchAll(/`([^`]+\.test\.ts)`((?:\s*›\s*“[^”]+”)*)/g)) {
          const testFile = proof[1] ?? '';
          const where = `${page}:${lineOf(text, line.index)}: ${testFile}`;
          if (!existsSync(join(repo, testFile))) {
            missing.push(`${where}: no such test file`);
            continue;
          }
          const source = read(testFile);
          for (const name of (proof[2] ?? '').matchAll(/“([^”]+)”/g)) {
            cited++;
            if (!source.includes(name[1] ?? '')) missing.push(`${where}: no test named “${name[1]}”`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(cited).toBeGreaterThan(100);
  });
});
