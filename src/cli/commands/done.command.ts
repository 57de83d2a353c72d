import type { Command } from 'commander';
import { markAgendaItem } from '../agenda-item-marks.js';
import { action, type Runtime } from '../command-runtime.js';

export function registerDoneCommand(program: Command, runtime: Runtime): void {
  program
    .command('done')
    .description('mark an agenda item as done')
    .argument('<id>', 'the item id shown by tend today')
    .action(action(runtime, (context, id: string) => markAgendaItem(context, id, 'done')));
}
