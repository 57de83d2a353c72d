import type { Command } from 'commander';
import type { AgendaItem } from '../../domain/agenda.js';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import type { App } from '../../app.js';
import { action, type Runtime } from '../command-runtime.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printLine } from '../output.js';

/** The `today --json` item (docs/rules/cli.md#json-shapes). */
function itemJson(item: AgendaItem) {
  return {
    id: item.id,
    kind: item.kind,
    person: item.person,
    due: item.due,
    reason: item.reason,
    suggestion: item.suggestion,
  };
}

export async function printToday(
  io: CliIo,
  app: App,
  now: number,
  options: { json: boolean; all?: boolean },
): Promise<void> {
  const agenda = await app.agenda.today(now);
  const today = toLocalDate(now, agenda.zone);
  const items = options.all ? agenda.items : agenda.items.filter((item) => item.due <= today);
  if (options.json) {
    printJson(io, {
      now: formatInstant(now),
      items: items.map(itemJson),
      unknownSenders: agenda.unknownSenders,
    });
    return;
  }
  if (items.length === 0) {
    printLine(io, `Nothing needs you today (${today}).`);
  } else {
    printLine(io, `Today, ${today}: ${items.length} ${items.length === 1 ? 'thing' : 'things'} to do`);
    for (const item of items) {
      const who = item.subject;
      const late = item.due < today ? ` (due ${item.due})` : item.due > today ? ` (from ${item.due})` : '';
      printLine(io);
      printLine(io, `  ${item.kind.toUpperCase()}  ${who}${late}   [${item.id}]`);
      printLine(io, `    why:  ${item.reason}`);
      printLine(io, `    next: ${item.suggestion}`);
    }
  }
  if (agenda.unknownSenders > 0) {
    printLine(io);
    printLine(
      io,
      `  ${agenda.unknownSenders} ${agenda.unknownSenders === 1 ? 'message' : 'messages'} from people you don't know yet (tend people to look).`,
    );
  }
  if (items.length > 0) {
    printLine(io);
    printLine(io, 'Mark an item: tend done ID · tend snooze ID --until YYYY-MM-DD · tend dismiss ID');
  }
}

export function registerTodayCommand(program: Command, runtime: Runtime): void {
  program
    .command('today')
    .description('the agenda: who needs care today, why, and a concrete next step')
    .option('--all', 'also show items that are not due yet')
    .action(
      action(runtime, async (context, options: { all?: boolean }) => {
        await printToday(context.io, await context.app(), context.config.now, {
          json: context.config.json,
          ...options,
        });
      }),
    );
}
