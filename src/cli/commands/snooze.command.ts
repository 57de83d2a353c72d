import type { Command } from 'commander';
import { markAgendaItem } from '../agenda-item-marks.js';
import { action, type Runtime } from '../command-runtime.js';

export function registerSnoozeCommand(program: Command, runtime: Runtime): void {
  program
    .command('snooze')
    .description("hide an agenda item, and the person's other care items, until a date")
    .argument('<id>', 'the item id shown by tend today')
    .requiredOption('--until <date>', 'the day it comes back: YYYY-MM-DD, or 3d, 2w, next-week, next-month')
    .action(
      action(runtime, (context, id: string, options: { until: string }) =>
        markAgendaItem(context, id, 'snoozed', { until: options.until }),
      ),
    );
}
