import type { ItemState } from '../domain/agenda.js';
import type { DoneOptions } from '../services/agenda-actions.service.js';
import type { CommandContext } from './command-runtime.js';
import { printJson, printLine } from './output.js';

/** `tend done|dismiss|snooze ID`: one agenda item's state, set and confirmed on one line (or as JSON). */
export async function markAgendaItem(
  context: CommandContext,
  id: string,
  state: ItemState['state'],
  options: { until?: string | null; done?: DoneOptions } = {},
): Promise<void> {
  const app = await context.app();
  const { item, until, logged } = await app.agendaActions.mark(id, state, options);
  if (context.config.json) {
    printJson(context.io, {
      id,
      state,
      kind: item.kind,
      person: item.person,
      ...(until !== null ? { until } : {}),
      ...(logged ? { logged } : {}),
    });
    return;
  }
  const what = `${item.subject}'s ${item.kind} [${id}]`;
  const quiet =
    item.person && ['reply', 'follow-up', 'let-go', 'keep-in-touch', 'revive'].includes(item.kind);
  if (state === 'snoozed')
    printLine(
      context.io,
      `Snoozed ${what} until ${until}${quiet ? `: nothing for ${item.subject} before then` : ''}.`,
    );
  else if (state === 'dismissed')
    printLine(
      context.io,
      `Dismissed ${what}${quiet ? `: nothing more for ${item.subject} until something new happens` : ''}.`,
    );
  else if (logged)
    printLine(
      context.io,
      `Done: ${what}; logged a ${logged.kind} with ${item.subject} today (entry ${logged.id}), so the clock restarts. tend undo takes it back.`,
    );
  else printLine(context.io, `Done: ${what} (nothing logged). tend undo takes it back.`);
}
