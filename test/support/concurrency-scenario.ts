import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTend, type ProcessResult } from './built-cli.js';

/** Where the processes of a scenario keep their data: a data folder, and a PostgreSQL URL or not. */
export interface Target {
  dataDir: string;
  /** `--db URL` (PostgreSQL), or none for the embedded SQLite database in the data folder. */
  url?: string;
}

const NOW = '2026-11-21T12:00:00Z';
export const TESTER = 'Casey Concurrent';

function argsFor(target: Target): string[] {
  return ['--data', target.dataDir, ...(target.url ? ['--db', target.url] : []), '--now', NOW];
}

/** A one-person Connections.csv: someone to log interactions with while the big import runs. */
export function writeSeedConnections(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-seed-'));
  const file = join(folder, 'Connections.csv');
  writeFileSync(
    file,
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Casey,Concurrent,https://www.linkedin.com/in/casey-concurrent,,Lockstep,Engineer,01 Mar 2024\n',
  );
  return file;
}

export interface ScenarioResult {
  importRun: ProcessResult;
  /** Every other command that did not exit 0. */
  failures: ProcessResult[];
  readerRuns: number;
  /** The texts of the interactions logged while the import ran (each `log` that exited 0). */
  logged: string[];
  /** The texts of Casey's logged interactions as `show` lists them after the import. */
  stored: string[];
}

/**
 * One import of `exportDir` while two other terminals work: one runs `today` and `people` in a loop, the
 * other `log` (a write) and `show`. The loops go on until the import has ended (at least `minimumRounds`).
 */
export async function importWhileOthersWork(
  target: Target,
  exportDir: string,
  minimumRounds = 2,
): Promise<ScenarioResult> {
  const base = argsFor(target);
  const seed = await spawnTend([...base, 'import', writeSeedConnections()]);
  if (seed.code !== 0) throw new Error(`seed import failed: ${seed.stderr}${seed.stdout}`);
  let importing = true;
  const importDone = spawnTend([...base, 'import', exportDir]).finally(() => (importing = false));
  const failures: ProcessResult[] = [];
  const logged: string[] = [];
  let readerRuns = 0;
  const check = (result: ProcessResult) => {
    readerRuns += 1;
    if (result.code !== 0) failures.push(result);
    return result;
  };
  const readers = async () => {
    for (let round = 0; importing || round < minimumRounds; round += 1) {
      check(await spawnTend([...base, 'today']));
      check(await spawnTend([...base, 'people', 'Casey']));
    }
  };
  const writer = async () => {
    for (let round = 0; importing || round < minimumRounds; round += 1) {
      const text = `concurrent note ${round}`;
      const result = check(await spawnTend([...base, 'log', TESTER, 'message', text, '--at', '2026-11-20']));
      if (result.code === 0) logged.push(text);
      check(await spawnTend([...base, 'show', TESTER]));
    }
  };
  const [importRun] = await Promise.all([importDone, readers(), writer()]);
  const shown = await spawnTend([...base, '--json', 'show', TESTER]);
  const person = JSON.parse(shown.stdout) as { timeline: Array<{ summary?: string | null }> };
  const stored = person.timeline
    .map((entry) => entry.summary ?? '')
    .filter((summary) => summary.startsWith('concurrent note'));
  return { importRun, failures, readerRuns, logged, stored };
}

/** `count` tend processes started at once on a fresh data folder (or database), a mix of commands. */
export async function parallelFirstStarts(target: Target, count: number): Promise<ProcessResult[]> {
  const base = argsFor(target);
  const seed = writeSeedConnections();
  const commands = [['today'], ['people'], ['health'], ['import', seed]];
  const runs = Array.from({ length: count }, (_, index) =>
    spawnTend([...base, ...(commands[index % commands.length] ?? ['today'])]),
  );
  return (await Promise.all(runs)).filter((result) => result.code !== 0);
}

/**
 * The export's people and invitations (`everyOtherFile`: all its other files) with only its first `messages`
 * messages: for PostgreSQL, where an import makes a round trip per message and takes minutes on a loaded
 * two-core machine, and for a crash test of a mid-size import.
 */
export function trimmedExport(exportDir: string, messages: number, everyOtherFile = false): string {
  const folder = mkdtempSync(join(tmpdir(), 'tend-trimmed-'));
  const others = everyOtherFile
    ? readdirSync(exportDir).filter((name) => name !== 'messages.csv')
    : ['Profile.csv', 'Connections.csv', 'Invitations.csv'];
  for (const name of others) copyFileSync(join(exportDir, name), join(folder, name));
  const lines = readFileSync(join(exportDir, 'messages.csv'), 'utf8').split('\n');
  // Whole records only: a message whose text spans lines continues until a line that starts a new one.
  let end = 1;
  for (let count = 0; end < lines.length && count < messages; end += 1)
    if (/^[^,"]*-[^,]*,/.test(lines[end] ?? '')) count += 1;
  while (end < lines.length && !/^[^,"]*-[^,]*,/.test(lines[end] ?? '')) end += 1;
  writeFileSync(join(folder, 'messages.csv'), lines.slice(0, end).join('\n'));
  return folder;
}
