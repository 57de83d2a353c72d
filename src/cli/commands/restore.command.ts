import { resolve } from 'node:path';
import type { Command } from 'commander';
import { refuseForPostgres, restoreDatabase } from '../../services/backup.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine, printNotice } from '../output.js';

export function registerRestoreCommand(program: Command, runtime: Runtime): void {
  program
    .command('restore')
    .description(
      'put a copy made by tend backup in place of the database (refused over data without --force)',
    )
    .argument('<file>', 'the copy tend backup wrote')
    .option('--force', 'replace the data there is (a copy of it is kept in backups/ first)')
    .action(
      action(runtime, async (context, file: string, options: { force?: boolean }) => {
        const location = context.config.store;
        if (location.dialect !== 'sqlite') throw refuseForPostgres('restore');
        // Restored before the app opens: a damaged database, the reason to restore, could not be opened.
        const restored = await restoreDatabase(resolve(file), location.file, options.force === true);
        if (restored.replaced)
          printNotice(context.io, `tend: the data that was there is kept in ${restored.replaced}`);
        const app = await context.app();
        const people = (await app.people.list(null)).length;
        if (context.config.json) printJson(context.io, { restored: resolve(file), people, ...restored });
        else printLine(context.io, `Restored ${resolve(file)}: ${people} people.`);
      }),
    );
}
