import type { Command } from 'commander';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

export function registerUnarchiveCommand(program: Command, runtime: Runtime): void {
  program
    .command('unarchive')
    .description('bring an archived person back')
    .argument('<ref>', 'the person (id, profile URL, e-mail or name)')
    .action(
      action(runtime, async (context, ref: string) => {
        const app = await context.app();
        const person = await app.prune.unarchive(ref);
        if (context.config.json) printJson(context.io, { id: person.id, name: person.name, archived: false });
        else printLine(context.io, `${person.name} is back.`);
      }),
    );
}
