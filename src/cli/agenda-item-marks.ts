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
  await app.agenda.setItemState(id, state, until, context.config.now, app.settings.timeZone());
  if (context.config.json) printJson(context.io, { id, state, ...(until !== null ? { until } : {}) });
  else printLine(context.io, until !== null ? `${id} ${state} until ${until}.` : `${id} ${state}.`);
}
