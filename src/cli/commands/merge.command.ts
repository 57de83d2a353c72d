import type { Command } from 'commander';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

export function registerMergeCommand(program: Command, runtime: Runtime): void {
  program
    .command('merge')
    .description('make two records one person: B joins A with every identity, interaction, note and tag')
    .argument('<a>', 'the person kept (id, profile URL, e-mail or name)')
    .argument('<b>', 'the person merged into A')
    .addHelpText(
      'after',
      '\nThe merge is recorded: a later import does not split them, and tend unmerge undoes it.',
    )
    .action(
      action(runtime, async (context, refA: string, refB: string) => {
        const app = await context.app();
        const merged = await app.merges.merge(refA, refB);
        if (context.config.json) printJson(context.io, merged);
        else
          printLine(
            context.io,
            `${merged.merged.name} [${merged.merged.id}] is now part of ${merged.kept.name} [${merged.kept.id}]. Undo with: tend unmerge ${merged.merged.id}`,
          );
      }),
    );
}
