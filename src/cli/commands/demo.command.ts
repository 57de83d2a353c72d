import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine, printNotice } from '../output.js';
import { printToday } from './today.command.js';

export function registerDemoCommand(program: Command, runtime: Runtime): void {
  program
    .command('demo')
    .description('import the sample network that ships with tend into a fresh folder and show its agenda')
    .action(
      action(runtime, async (context) => {
        // Always a fresh temporary folder on the embedded database: the demo never touches your own data.
        const dataDir = mkdtempSync(join(tmpdir(), 'tend-demo-'));
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
