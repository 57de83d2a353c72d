import type { Command } from 'commander';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

export function registerUnmergeCommand(program: Command, runtime: Runtime): void {
  program
    .command('unmerge')
    .description('undo a merge: the merged person comes back with what was theirs')
    .argument(
      '<ref>',
      "the merged person's former id (as merge printed it), or the person merged into (their latest merge), or an e-mail or profile URL that came with the merge",
    )
    .action(
      action(runtime, async (context, ref: string) => {
        const app = await context.app();
        const undone = await app.merges.unmerge(ref);
        if (context.config.json) printJson(context.io, undone);
        else
          printLine(
            context.io,
            `${undone.merged.name} [${undone.merged.id}] is apart from ${undone.kept.name} [${undone.kept.id}] again.`,
          );
      }),
    );
}
