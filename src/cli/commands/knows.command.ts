import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { action, type CommandContext, type Runtime } from '../command-runtime.js';
import { formatTable, printJson, printLine } from '../output.js';
import { tableWidth } from '../text-width.js';

/** `tend knows A`: the ties recorded for A, as `GET /api/known-ties?person=ID` gives them. */
async function printTies(context: CommandContext, ref: string): Promise<void> {
  const app = await context.app();
  const { person, ties } = await app.knownTies.recordedFor(ref);
  if (context.config.json) {
    printJson(context.io, {
      person: { id: person.id, name: person.name },
      ties: ties.map(({ other, strength, how }) => ({
        person: { id: other.id, name: other.name, company: other.company },
        strength,
        how,
      })),
    });
    return;
  }
  if (ties.length === 0) {
    printLine(
      context.io,
      `No one recorded as knowing ${person.name}: tend knows "${person.name}" B records one.`,
    );
    return;
  }
  printLine(context.io, `Who knows ${person.name} (recorded by you):`);
  printLine(
    context.io,
    formatTable(
      ['ID', 'NAME', 'COMPANY', 'STRENGTH', 'HOW'],
      ties.map(({ other, strength, how }) => [
        String(other.id),
        other.name,
        other.company ?? '',
        String(strength),
        how ?? '',
      ]),
      undefined,
      tableWidth(context.io),
    ),
  );
}

export function registerKnowsCommand(program: Command, runtime: Runtime): void {
  program
    .command('knows')
    .description('record that two of your people know each other (it feeds warm paths and tie strength)')
    .argument('<a>', 'one person (id, profile URL, e-mail or name); alone, lists whom you recorded they know')
    .argument('[b]', 'the other; a profile URL of someone not yet in tend adds them')
    .option('--strength <s>', 'how well they know each other, 0 to 1 (default 0.5, or what you recorded)')
    .option('--how <text>', 'how they know each other ("worked together at Acme"); empty to clear')
    .option('--name <name>', 'the name of B when B is a profile URL not yet in tend (default: from the URL)')
    .option('--remove', 'delete the tie you recorded')
    .action(
      action(
        runtime,
        async (
          context,
          a: string,
          b: string | undefined,
          options: { strength?: string; how?: string; name?: string; remove?: boolean },
        ) => {
          if (b === undefined) {
            if (Object.keys(options).length > 0)
              throw new AppError(
                'usage',
                'give the other person too: tend knows A B [--strength S] [--how TEXT] [--remove]',
              );
            await printTies(context, a);
            return;
          }
          const app = await context.app();
          if (options.remove) {
            if (options.strength !== undefined || options.how !== undefined)
              throw new AppError('usage', '--remove takes no --strength or --how');
            const removed = await app.knownTies.remove(a, b);
            if (context.config.json)
              printJson(context.io, {
                a: { id: removed.a.id, name: removed.a.name },
                b: { id: removed.b.id, name: removed.b.name },
                removed: true,
              });
            else
              printLine(
                context.io,
                `Removed the tie you recorded between ${removed.a.name} and ${removed.b.name}.`,
              );
            return;
          }
          const recorded = await app.knownTies.record(a, b, {
            ...(options.strength !== undefined ? { strength: options.strength } : {}),
            ...(options.how !== undefined ? { how: options.how } : {}),
            ...(options.name !== undefined ? { name: options.name } : {}),
          });
          if (context.config.json) {
            printJson(context.io, {
              a: { id: recorded.a.id, name: recorded.a.name },
              b: { id: recorded.b.id, name: recorded.b.name },
              source: recorded.tie.source,
              strength: recorded.tie.strength,
              how: recorded.tie.evidence,
              personCreated: recorded.personCreated,
            });
            return;
          }
          if (recorded.personCreated)
            printLine(
              context.io,
              `${recorded.b.name} was not in tend: added (id ${recorded.b.id}, not connected).`,
            );
          printLine(
            context.io,
            `Recorded: ${recorded.a.name} and ${recorded.b.name} know each other (${recorded.tie.strength})${recorded.tie.evidence ? ` — ${recorded.tie.evidence}` : ''}.`,
          );
        },
      ),
    );
}
