import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * Files of 8 MB and more are parsed in a worker thread — only from the built CLI, since tests run the
 * TypeScript sources, where the same reader runs on the importing thread. This test imports the generated
 * export of global-setup.ts (a 13 MB messages.csv) through the real `bin/tend` (its bundle) twice, once with the
 * parser thread and once without (TEND_IMPORT_WORKER=0), and compares every stored row.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'tend-thread-'));
const exportDir = inject('generatedExport1k');

function importInto(dataDir: string, env: Record<string, string>, from = exportDir): unknown {
  const tend = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, 'bin', 'tend'), '--data', dataDir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, TEND_DATA: '', TEND_DATABASE_URL: '', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  tend('config', 'timezone', 'UTC');
  try {
    return JSON.parse(tend('--now', '2026-11-21T12:00:00Z', 'import', from, '--json'));
  } catch (error) {
    // Exit code 2 (a file failed) still prints the report.
    const failed = error as { status?: number; stdout?: string };
    if (failed.status === 2 && failed.stdout) return JSON.parse(failed.stdout);
    throw error;
  }
}

function rows(dataDir: string, sql: string): unknown[] {
  const database = new BetterSqlite3(join(dataDir, 'tend.db'), { readonly: true });
  try {
    return database.prepare(sql).raw(true).all();
  } finally {
    database.close();
  }
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the parser thread', () => {
  it('stores exactly what parsing on the importing thread stores', () => {
    expect(statSync(join(exportDir, 'messages.csv')).size).toBeGreaterThan(8 * 1024 * 1024);
    const threaded = join(work, 'threaded');
    const inline = join(work, 'inline');
    const threadedReport = importInto(threaded, {});
    const inlineReport = importInto(inline, { TEND_IMPORT_WORKER: '0' });
    expect(threadedReport).toEqual(inlineReport);
    const interactions =
      'select source_key, person_id, kind, direction, at, conversation_key, group_size, summary, text_hash, skipped_reason from interactions order by source_key';
    const people = 'select id, display_name, company, connection_state, connected_at from people order by id';
    expect(rows(threaded, interactions)).toEqual(rows(inline, interactions));
    expect(rows(threaded, people)).toEqual(rows(inline, people));
    // The facts too: the parser thread works out each text's closer verdict ahead (linkedin-records.worker.ts).
    const facts =
      'select person_id, facts, exchange_count, unanswered_days, records, unanswered_first_at, last_exchange_at from person_stats order by person_id';
    expect(rows(threaded, facts)).toEqual(rows(inline, facts));
    // Every stored message is in the report: imported, or kept without a person ("unmatched").
    const report = threadedReport as {
      files: Array<{ path: string; imported: number; skipped: Record<string, number> }>;
    };
    const messages = report.files.find((file) => file.path.endsWith('messages.csv'));
    const counted = (messages?.imported ?? 0) + (messages?.skipped.unmatched ?? 0);
    expect(counted).toBeGreaterThan(25_000);
    expect(
      rows(threaded, "select count(*) from interactions where skipped_reason is null and kind = 'message'"),
    ).toEqual([[counted]]);
  }, 120_000);

  it('hashes a large file on its own thread to the fingerprint of the file as read here', async () => {
    const { sha1OfFile } = await import('../src/importers/file-hash.js');
    const dataDir = join(work, 'threaded');
    const stored = rows(dataDir, "select fingerprint from imports where path like '%messages.csv'");
    expect(stored).toEqual([
      [expect.stringContaining(`sha1:${await sha1OfFile(join(exportDir, 'messages.csv'))}`)],
    ]);
    // And an unchanged file is recognised by it on the next import.
    const again = importInto(dataDir, {}) as { files: Array<{ path: string; unchanged?: boolean }> };
    expect(again.files.find((file) => file.path.endsWith('messages.csv'))?.unchanged).toBe(true);
  }, 120_000);

  it('fails a file cleanly from the parser thread: its line in the report, nothing of it stored', () => {
    const broken = join(work, 'broken-export');
    cpSync(exportDir, broken, { recursive: true });
    appendFileSync(
      join(broken, 'messages.csv'),
      '\n"2-broken","","Ann","https://www.linkedin.com/in/ann","unterminated',
    );
    const dataDir = join(work, 'broken');
    const report = importInto(dataDir, {}, broken) as {
      files: Array<{ path: string; failed?: string; imported: number }>;
    };
    const messages = report.files.find((file) => file.path.endsWith('messages.csv'));
    expect(messages?.failed).toMatch(/unterminated quoted field starting on line \d+/);
    expect(messages?.imported).toBe(0);
    expect(rows(dataDir, "select count(*) from interactions where kind = 'message'")).toEqual([[0]]);
    // The other files of the export committed.
    expect(rows(dataDir, "select count(*) from people where connection_state = 'connected'")[0]).not.toEqual([
      0,
    ]);
  }, 120_000);

  it('reads a file whose huge fields outgrow the parser thread on the importing thread instead', () => {
    // Nine messages of 5.7 MB each: more than the parser thread's heap holds at once.
    const folder = join(work, 'huge-export');
    mkdirSync(folder, { recursive: true });
    const header =
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
    const body = `<p>${'a long letter '.repeat(420_000)}</p>`;
    const rowsOut = Array.from(
      { length: 9 },
      (_, index) =>
        `2-huge,,Ann Lee,https://www.linkedin.com/in/ann-lee,Me,https://www.linkedin.com/in/me,2025-01-0${index + 1} 10:00:00 UTC,,"${body}",INBOX`,
    );
    writeFileSync(join(folder, 'messages.csv'), [header, ...rowsOut].join('\n'));
    expect(statSync(join(folder, 'messages.csv')).size).toBeGreaterThan(50 * 1024 * 1024);
    const dataDir = join(work, 'huge');
    const report = importInto(dataDir, {}, folder) as {
      files: Array<{ path: string; failed?: string; rowsRead: number }>;
    };
    const messages = report.files.find((file) => file.path.endsWith('messages.csv'));
    expect(messages?.failed).toBeUndefined();
    expect(messages?.rowsRead).toBe(9);
    expect(rows(dataDir, "select count(*) from interactions where kind = 'message'")).toEqual([[9]]);
  }, 120_000);
});
