import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

export function registerUnlogCommand(program: Command, runtime: Runtime): void {
  program
    .command('unlog')
    .description('remove an entry you logged by mistake (its id is in tend show)')
    .argument('<id>', 'the id of the logged entry, as tend show lists it')
    .action(
      action(runtime, async (context, id: string) => {
        if (!/^\d+$/.test(id.trim()))
          throw new AppError('usage', `"${id}" is not an entry id: \`tend show REF\` lists them`);
        const app = await context.app();
        const { interaction, person } = await app.editing.unlog(Number(id));
        if (context.config.json) {
          printJson(context.io, {
            id: interaction.id,
            person: { id: person.id, name: person.name },
            kind: interaction.kind,
            at: formatInstant(interaction.at),
            removed: true,
          });
          return;
        }
        const day = toLocalDate(interaction.at, app.settings.timeZone());
        printLine(
          context.io,
          `Removed the ${interaction.kind} with ${person.name} of ${day} (entry ${interaction.id}).`,
        );
      }),
    );
}
