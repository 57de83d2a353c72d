import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { resolveConfig, type GlobalOptions } from '../../config.js';
import { AppError } from '../../domain/errors.js';
import { toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine, printNotice } from '../output.js';
import { printToday } from './today.command.js';
import { tendCommand } from '../invocation.js';
import { DEFAULT_SERVE, loadServer } from './serve.command.js';

export function registerDemoCommand(program: Command, runtime: Runtime): void {
  program
    .command('demo')
    .description(
      'import the sample network that ships with tend into a fresh folder (or --data DIR) and show its agenda',
    )
    .option('--serve', 'then open it in the web UI: tend serve on the sample (Ctrl-C stops it)')
    .action(
      action(runtime, async (context, options: { serve?: boolean }) => {
        // A fresh temporary folder on the embedded database, or the folder named by --data if it holds no
        // database yet: the demo never touches your own data (docs/rules/cli.md#demo).
        // Named by the real day, not --now's: it is about tidying the temporary folder, not the story.
        const dataDir = demoFolder(program.opts<GlobalOptions>().data, toLocalDate(Date.now(), 'UTC'));
        const config = resolveConfig({ data: dataDir, now: new Date(context.config.now).toISOString() }, {});
        const app = await createApp(config);
        runtime.opened.push(app);
        app.settings.set('timezone', 'UTC');
        const report = await app.sample.load(dataDir, toLocalDate(config.now, 'UTC'));
        if (context.config.json) {
          const agenda = await app.agenda.today(config.now);
          printJson(context.io, { dataDir, import: report, itemsToday: agenda.items.length });
          return;
        }
        const io = context.io;
        printLine(
          io,
          `Sample network of ${report.owner.name ?? 'the sample owner'}: ${report.totals.peopleAdded} people, ${report.totals.interactionsAdded} interactions, ${report.totals.invitationsAdded} invitations imported.`,
        );
        printLine(io);
        await printToday(io, app, config.now, { json: false });
        printLine(io);
        printNotice(io, `The sample lives in ${dataDir}. Look around:`);
        const tend = tendCommand(io.env);
        const data = /^[\w./-]+$/.test(dataDir) ? dataDir : `'${dataDir.replace(/'/g, `'\\''`)}'`;
        printNotice(io, `  ${tend} --data ${data} show "Rasmus Holm"`);
        printNotice(io, `  ${tend} --data ${data} people`);
        printNotice(io, `  ${tend} --data ${data} health`);
        printNotice(io, `  ${tend} --data ${data} serve        (the web UI)`);
        if (options.serve) {
          printLine(io);
          await app.close();
          runtime.opened.splice(runtime.opened.indexOf(app), 1);
          const { serve } = await loadServer();
          // The real clock unless --now was given, as `tend serve` has it.
          return serve(
            { ...config, now: context.config.now, nowGiven: context.config.nowGiven },
            DEFAULT_SERVE,
            io,
          );
        }
      }),
    );
}

/** Marks a folder the demo made in the temporary folder: the next demo may remove it. */
const DEMO_MARK = '.tend-demo';

/**
 * `--data DIR` if given (created when missing, refused unless empty), else the day's demo folder in the
 * temporary folder, `tend-demo-USER-DATE`: a demo run again the same day replaces it, and earlier days' demo
 * folders go, so demos (and the tests that run them) leave one folder at most (docs/rules/cli.md#demo).
 */
function demoFolder(given: string | undefined, today: string): string {
  if (given === undefined) return dailyDemoFolder(today);
  if (existsSync(given) && readdirSync(given).length > 0) {
    throw new AppError(
      'usage',
      `--data ${given} is not empty (your data?); give a new or empty folder with --data, or none for a temporary one`,
    );
  }
  mkdirSync(given, { recursive: true, mode: 0o700 });
  return given;
}

function dailyDemoFolder(today: string): string {
  const prefix = `tend-demo-${userInfo().username.replace(/[^\w.-]/g, '_')}-`;
  const base = tmpdir();
  for (const name of readdirSync(base)) {
    const path = join(base, name);
    if (name.startsWith(prefix) && ownDemoFolder(path)) rmSync(path, { recursive: true, force: true });
  }
  const folder = join(base, `${prefix}${today}`);
  // Someone else's folder of that name (it has no mark, or is not ours): a fresh one beside it.
  const made = existsSync(folder) ? mkdtempSync(`${folder}-`) : (mkdirSync(folder, { mode: 0o700 }), folder);
  writeFileSync(join(made, DEMO_MARK), 'Made by tend demo; the next tend demo removes it.\n');
  return made;
}

/** A real folder (not a link), of this user, that a demo marked. */
function ownDemoFolder(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return (
      stat.isDirectory() &&
      (process.getuid === undefined || stat.uid === process.getuid()) &&
      existsSync(join(path, DEMO_MARK))
    );
  } catch {
    return false;
  }
}
