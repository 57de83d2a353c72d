import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { isAppError } from '../domain/errors.js';
import { answerAndEnd } from '../services/process-policy.js';
import { processIo, terminalSafeIo, type CliIo } from './cli-io.js';
import type { Runtime } from './command-runtime.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { registerImportCommand } from './commands/import.command.js';
import { registerPeopleCommand } from './commands/people.command.js';
import { registerSegmentCommand } from './commands/segment.command.js';
import { registerComposeCommand } from './commands/compose.command.js';
import { registerShowCommand } from './commands/show.command.js';
import { registerTodayCommand } from './commands/today.command.js';
import { registerDoneCommand } from './commands/done.command.js';
import { registerDismissCommand } from './commands/dismiss.command.js';
import { registerSnoozeCommand } from './commands/snooze.command.js';
import { registerLogCommand } from './commands/log.command.js';
import { registerUnlogCommand } from './commands/unlog.command.js';
import { registerUndoCommand } from './commands/undo.command.js';
import { registerCompletionCommand } from './commands/completion.command.js';
import { registerSetCommand } from './commands/set.command.js';
import { registerTriageCommand } from './commands/triage.command.js';
import { registerInviteNoteCommand } from './commands/invite-note.command.js';
import { registerIntrosCommand } from './commands/intros.command.js';
import { registerIntroCommand } from './commands/intro.command.js';
import { registerPathCommand } from './commands/path.command.js';
import { registerKnowsCommand } from './commands/knows.command.js';
import { registerPruneCommand } from './commands/prune.command.js';
import { registerUnarchiveCommand } from './commands/unarchive.command.js';
import { registerDupesCommand } from './commands/dupes.command.js';
import { registerMergeCommand } from './commands/merge.command.js';
import { registerUnmergeCommand } from './commands/unmerge.command.js';
import { registerExportCommand } from './commands/export.command.js';
import { registerHealthCommand } from './commands/health.command.js';
import { registerConfigCommand } from './commands/config.command.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerBackupCommand } from './commands/backup.command.js';
import { registerRestoreCommand } from './commands/restore.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerFeedUrlCommand } from './commands/feed-url.command.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(runtime: Runtime): Command {
  const { io } = runtime;
  const program = new Command('tend')
    .description(
      'Care for the relationships in your professional network: who needs attention today, and why.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--data <dir>', 'data folder (default: $TEND_DATA, else your user data folder)')
    .option('--db <url>', 'use a PostgreSQL database instead of the embedded one (or $TEND_DATABASE_URL)')
    .option('--json', 'machine-readable output on stdout')
    .option('--now <date>', 'the clock, for reproducible results (or $TEND_NOW): YYYY-MM-DD or an ISO time')
    .option('--debug', 'show stack traces on errors (or TEND_DEBUG=1)')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.startsWith('error:') ? `tend: ${text}` : text),
    })
    .exitOverride();
  program.configureHelp({ sortSubcommands: false });
  registerImportCommand(program, runtime);
  registerPeopleCommand(program, runtime);
  registerSegmentCommand(program, runtime);
  registerComposeCommand(program, runtime);
  registerShowCommand(program, runtime);
  registerTodayCommand(program, runtime);
  registerDoneCommand(program, runtime);
  registerDismissCommand(program, runtime);
  registerSnoozeCommand(program, runtime);
  registerLogCommand(program, runtime);
  registerUnlogCommand(program, runtime);
  registerUndoCommand(program, runtime);
  registerSetCommand(program, runtime);
  registerTriageCommand(program, runtime);
  registerInviteNoteCommand(program, runtime);
  registerIntrosCommand(program, runtime);
  registerIntroCommand(program, runtime);
  registerPathCommand(program, runtime);
  registerKnowsCommand(program, runtime);
  registerPruneCommand(program, runtime);
  registerUnarchiveCommand(program, runtime);
  registerDupesCommand(program, runtime);
  registerMergeCommand(program, runtime);
  registerUnmergeCommand(program, runtime);
  registerExportCommand(program, runtime);
  registerHealthCommand(program, runtime);
  registerConfigCommand(program, runtime);
  registerDemoCommand(program, runtime);
  registerBackupCommand(program, runtime);
  registerRestoreCommand(program, runtime);
  registerServeCommand(program, runtime);
  registerFeedUrlCommand(program, runtime);
  registerCompletionCommand(program, runtime);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Commands that stream bulk data, and the server, which runs for days: V8 keeps its own heap growth for them
 * (runtime/bulk-memory.ts).
 */
const BULK_COMMANDS = new Set(['import', 'export', 'demo', 'backup', 'restore', 'serve']);

/** Commands after which no health snapshot is taken: they copy or replace the database file itself. */
const NO_SNAPSHOT = new Set(['backup', 'restore']);
/** Commands that bring new data: the day's snapshot is taken again after them. */
const NEW_DATA = new Set(['import', 'demo']);

/**
 * The day's health snapshot, taken after a command that opened the database answered (its output is
 * written): one lookup on every other run of the day, taken again after an import
 * (docs/rules/prune-and-health.md#health-history). It never fails the command.
 */
async function keepHealthSnapshot(runtime: Runtime, command: string | undefined): Promise<void> {
  if (runtime.exitCode !== EXIT.ok || (command && NO_SNAPSHOT.has(command))) return;
  const replace = command !== undefined && NEW_DATA.has(command);
  for (const app of runtime.opened)
    await app.healthHistory.recordDaily(app.clock(), { replace }).catch(() => undefined);
}

/**
 * Runs the CLI in-process and returns the exit code; never throws, never calls process.exit. `answering`
 * runs before the action of any command but a bulk one (the process's heap policy: see main).
 */
export async function run(
  argv: readonly string[],
  rawIo: CliIo = processIo(),
  hooks: { answering?: () => void } = {},
): Promise<number> {
  const io = terminalSafeIo(rawIo);
  const runtime: Runtime = { io, exitCode: EXIT.ok, opened: [] };
  const program = buildProgram(runtime);
  let commandName: string | undefined;
  program.hook('preAction', (_program, command) => {
    let topLevel = command;
    while (topLevel.parent && topLevel.parent !== program) topLevel = topLevel.parent;
    commandName = topLevel.name();
    if (!BULK_COMMANDS.has(commandName)) hooks.answering?.();
  });
  const debug = argv.includes('--debug') || io.env.TEND_DEBUG === '1';
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await keepHealthSnapshot(runtime, commandName);
    return runtime.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
        ? EXIT.ok
        : EXIT.usage;
    }
    if (isAppError(error)) {
      io.stderr.write(`tend: ${error.message}\n`);
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return exitCodeFor(error.code);
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `tend: unexpected error: ${message} (run again with --debug for details, and please report it)\n`,
    );
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  } finally {
    for (const app of runtime.opened) await app.close().catch(() => undefined);
  }
}

export async function main(): Promise<void> {
  // A reader that stops early (`tend people | head`) closes the pipe: stop quietly, as other tools do,
  // instead of a stack trace. Nothing is half-written: an open transaction is rolled back by the database.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), processIo(), { answering: answerAndEnd });
}
