import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { resolveConfig, type GlobalOptions } from '../../config.js';
import { AppError } from '../../domain/errors.js';
import { toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine, printNotice } from '../output.js';
import { printToday } from './today.command.js';

export function registerDemoCommand(program: Command, runtime: Runtime): void {
  program
    .command('demo')
    .description(
      'import the sample network that ships with tend into a fresh folder (or --data DIR) and show its agenda',
    )
    .action(
      action(runtime, async (context) => {
        // A fresh temporary folder on the embedded database, or the folder named by --data if it holds no
        // database yet: the demo never touches your own data (docs/rules/cli.md#demo).
        const dataDir = demoFolder(program.opts<GlobalOptions>().data);
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
        printNotice(io, `  ./bin/tend --data ${dataDir} show "Rasmus Holm"`);
        printNotice(io, `  ./bin/tend --data ${dataDir} people`);
        printNotice(io, `  ./bin/tend --data ${dataDir} health`);
      }),
    );
}

/** `--data DIR` if given (created when missing, refused unless empty), else a new temporary folder. */
function demoFolder(given: string | undefined): string {
  if (given === undefined) return mkdtempSync(join(tmpdir(), 'tend-demo-'));
  if (existsSync(given) && readdirSync(given).length > 0) {
    throw new AppError(
      'usage',
      `--data ${given} is not empty (your data?); give a new or empty folder with --data, or none for a temporary one`,
    );
  }
  mkdirSync(given, { recursive: true, mode: 0o700 });
  return given;
}
