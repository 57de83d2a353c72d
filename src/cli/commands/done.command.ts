import type { Command } from 'commander';
import { DONE_KINDS } from '../../services/agenda-actions.service.js';
import { markAgendaItem } from '../agenda-item-marks.js';
import { action, type Runtime } from '../command-runtime.js';

export function registerDoneCommand(program: Command, runtime: Runtime): void {
  program
    .command('done')
    .description(
      'mark an agenda item as done and record what happened (a message by default), so the clock restarts',
    )
    .argument('<id>', 'the item id shown by tend today')
    .argument('[text...]', 'what happened, in a few words')
    .option('--as <kind>', `what it was: ${DONE_KINDS.join(' | ')} (default: message)`)
    .option('--no-log', 'only mark the item, record nothing')
    .action(
      action(runtime, (context, id: string, words: string[], options: { as?: string; log: boolean }) =>
        markAgendaItem(context, id, 'done', {
          done: {
            ...(options.as !== undefined ? { as: options.as } : {}),
            text: words.join(' ').trim() || null,
            log: options.log,
          },
        }),
      ),
    );
}
