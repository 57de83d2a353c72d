import type { Command } from 'commander';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

export function registerUndoCommand(program: Command, runtime: Runtime): void {
  program
    .command('undo')
    .description('reverse the last done, snooze, dismiss or log, and say what it was')
    .action(
      action(runtime, async (context) => {
        const app = await context.app();
        const undone = await app.agendaActions.undo();
        if (context.config.json) printJson(context.io, { undone: undone?.description ?? null });
        else printLine(context.io, undone ? `Undid: ${undone.description}.` : 'Nothing to undo.');
      }),
    );
}
