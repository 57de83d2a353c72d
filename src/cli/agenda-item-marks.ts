import type { ItemState } from '../domain/agenda.js';
import type { CommandContext } from './command-runtime.js';
import { printJson, printLine } from './output.js';

/** `tend done|dismiss|snooze ID`: one agenda item's state, set and confirmed on one line (or as JSON). */
export async function markAgendaItem(
  context: CommandContext,
  id: string,
  state: ItemState['state'],
  until: string | null = null,
): Promise<void> {
  const app = await context.app();
  const set = await app.agenda.setItemState(id, state, until, context.config.now, app.settings.timeZone());
  const date = set.until;
  if (context.config.json) printJson(context.io, { id, state, ...(date !== null ? { until: date } : {}) });
  else printLine(context.io, date !== null ? `${id} ${state} until ${date}.` : `${id} ${state}.`);
}
