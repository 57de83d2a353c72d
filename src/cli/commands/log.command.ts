import type { Command } from 'commander';
import { parseCalendarDate, parseDateOrTime } from '../../domain/date-input.js';
import { AppError } from '../../domain/errors.js';
import { INTERACTION_KINDS } from '../../domain/interaction.js';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

/** `--at`: a calendar date (`2026-11-20`: the service decides its time) or an instant. */
function parseAt(value: string): { on: string } | { at: number } {
  const day = parseCalendarDate(value);
  if (day) return { on: day };
  const instant = parseDateOrTime(value);
  if (instant === null)
    throw new AppError(
      'usage',
      `--at "${value}" is not a date: use a real day as YYYY-MM-DD or an ISO 8601 time`,
    );
  return { at: instant };
}

/** Not an interaction: a mark for LinkedIn's three weeks (docs/rules/segments.md#linkedin-limits). */
const WITHDRAWN = 'invitation-withdrawn';

export function registerLogCommand(program: Command, runtime: Runtime): void {
  program
    .command('log')
    .description('record an interaction: it resets the clock and resolves the agenda items it answers')
    .argument('<ref>', 'the person (id, profile URL, e-mail or name)')
    .argument('<kind>', `${INTERACTION_KINDS.join(' | ')} | ${WITHDRAWN}`)
    .argument('[text...]', 'a short summary')
    .option('--at <date>', 'when it happened (default: now)')
    .option('--direction <direction>', 'in | out | both (default: both for calls and meetings, else out)')
    .action(
      action(
        runtime,
        async (
          context,
          ref: string,
          kind: string,
          words: string[],
          options: { at?: string; direction?: string },
        ) => {
          const app = await context.app();
          if (kind === WITHDRAWN) {
            const marked = await app.editing.logWithdrawnInvitation(
              ref,
              options.at ? parseAt(options.at) : {},
            );
            if (context.config.json)
              printJson(context.io, {
                person: { id: marked.person.id, name: marked.person.name },
                kind,
                at: formatInstant(marked.at),
                inviteAgainFrom: marked.allowedOn,
              });
            else
              printLine(
                context.io,
                `Recorded: you withdrew your invitation to ${marked.person.name} on ${marked.withdrawnOn}. LinkedIn allows a new one from ${marked.allowedOn}; tend's LinkedIn drafts wait until then.`,
              );
            return;
          }
          const text = words.join(' ').trim() || null;
          const logged = await app.editing.log(ref, kind, text, {
            ...(options.at ? parseAt(options.at) : {}),
            ...(options.direction ? { direction: options.direction } : {}),
          });
          if (context.config.json) {
            printJson(context.io, {
              id: logged.id,
              person: { id: logged.person.id, name: logged.person.name },
              kind,
              direction: logged.direction,
              at: formatInstant(logged.at),
              summary: text,
            });
          } else {
            printLine(
              context.io,
              `Logged ${kind} (${logged.direction}) with ${logged.person.name} on ${toLocalDate(logged.at, app.settings.timeZone())} (entry ${logged.id}; tend unlog ${logged.id} removes it).`,
            );
          }
        },
      ),
    );
}
