import type { Command } from 'commander';
import { markAgendaItem } from '../agenda-item-marks.js';
import { action, type Runtime } from '../command-runtime.js';

export function registerDismissCommand(program: Command, runtime: Runtime): void {
  program
    .command('dismiss')
    .description('dismiss an agenda item: nothing more for that person until something new happens')
    .argument('<id>', 'the item id shown by tend today')
    .action(action(runtime, (context, id: string) => markAgendaItem(context, id, 'dismissed')));
}
