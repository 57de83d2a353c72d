import { resolve } from 'node:path';
import type { Command } from 'commander';
import { backupDatabase, refuseForPostgres } from '../../services/backup.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

export function registerBackupCommand(program: Command, runtime: Runtime): void {
  program
    .command('backup')
    .description('write a consistent copy of the database to FILE, even while other tend processes use it')
    .argument('<file>', 'where to write the copy (a new file)')
    .option('--force', 'replace FILE if it exists')
    .action(
      action(runtime, async (context, file: string, options: { force?: boolean }) => {
        if (context.config.store.dialect !== 'sqlite') throw refuseForPostgres('backup');
        const app = await context.app();
        const summary = await backupDatabase(app.store, resolve(file), options.force === true);
        if (context.config.json) printJson(context.io, summary);
        else
          printLine(
            context.io,
            `Backed up ${summary.people} people (schema ${summary.schema}, ${Math.ceil(summary.bytes / 1024)} KB) to ${summary.file}. To restore it: tend restore ${summary.file}`,
          );
      }),
    );
}
