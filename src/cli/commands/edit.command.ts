import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { INTERACTION_KINDS } from '../../domain/interaction.js';
import { formatInstant } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parseAt(value: string): number {
  const text = value.trim();
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? Date.parse(`${text}T12:00:00Z`)
    : /^\d{4}-\d{2}-\d{2}T/.test(text)
      ? Date.parse(text)
      : NaN;
  if (Number.isNaN(instant))
    throw new AppError('usage', `--at "${value}" is not a date: use YYYY-MM-DD or an ISO 8601 time`);
  return instant;
}

export function registerEditCommands(program: Command, runtime: Runtime): void {
  program
    .command('log')
    .description('record an interaction: it resets the clock and resolves the agenda items it answers')
    .argument('<ref>', 'the person (id, profile URL, e-mail or name)')
    .argument('<kind>', INTERACTION_KINDS.join(' | '))
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
          const text = words.join(' ').trim() || null;
          const logged = await app.editing.log(ref, kind, text, {
            ...(options.at ? { at: parseAt(options.at) } : { at: context.config.now }),
            ...(options.direction ? { direction: options.direction } : {}),
          });
          if (context.config.json) {
            printJson(context.io, {
              person: { id: logged.person.id, name: logged.person.name },
              kind,
              direction: logged.direction,
              at: formatInstant(logged.at),
              summary: text,
            });
          } else {
            printLine(
              context.io,
              `Logged ${kind} (${logged.direction}) with ${logged.person.name} on ${formatInstant(logged.at)}.`,
            );
          }
        },
      ),
    );

  program
    .command('set')
    .description('edit what you know about a person; imports never overwrite it')
    .argument('<ref>', 'the person (id, profile URL, e-mail or name)')
    .option('--circle <circle>', 'inner (every 14 days) | close (30) | active (90) | wide (365) | none')
    .option('--tag <tag>', 'add a tag (repeatable)', collect)
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--needs <text>', 'something they are looking for (repeatable)', collect)
    .option('--offers <text>', 'something they can help with (repeatable)', collect)
    .option('--goal <text>', 'a goal of theirs (repeatable)', collect)
    .option('--how-met <text>', 'how you met (empty to clear)')
    .option('--notes <text>', 'your notes (empty to clear)')
    .option('--do-not-contact', 'never suggest contacting them')
    .option('--allow-contact', 'undo --do-not-contact')
    .option('--floor <n>', 'a minimum strength 0–100 ("none" removes it)')
    .option('--override <n>', 'replace the computed strength 0–100 ("none" removes it)')
    .action(
      action(
        runtime,
        async (
          context,
          ref: string,
          options: {
            circle?: string;
            tag?: string[];
            untag?: string[];
            needs?: string[];
            offers?: string[];
            goal?: string[];
            howMet?: string;
            notes?: string;
            doNotContact?: boolean;
            allowContact?: boolean;
            floor?: string;
            override?: string;
          },
        ) => {
          if (options.doNotContact && options.allowContact)
            throw new AppError('usage', 'choose --do-not-contact or --allow-contact, not both');
          const app = await context.app();
          const person = await app.editing.set(ref, {
            ...(options.circle !== undefined ? { circle: options.circle } : {}),
            ...(options.tag ? { tags: options.tag } : {}),
            ...(options.untag ? { removeTags: options.untag } : {}),
            ...(options.needs ? { needs: options.needs } : {}),
            ...(options.offers ? { offers: options.offers } : {}),
            ...(options.goal ? { goals: options.goal } : {}),
            ...(options.howMet !== undefined ? { howMet: options.howMet } : {}),
            ...(options.notes !== undefined ? { notes: options.notes } : {}),
            ...(options.doNotContact
              ? { doNotContact: true }
              : options.allowContact
                ? { doNotContact: false }
                : {}),
            ...(options.floor !== undefined ? { floor: options.floor } : {}),
            ...(options.override !== undefined ? { override: options.override } : {}),
          });
          if (context.config.json) {
            printJson(context.io, {
              id: person.id,
              name: person.name,
              circle: person.circle,
              tags: person.tags,
              needs: person.needs,
              offers: person.offers,
              goals: person.goals,
              howMet: person.howMet,
              notes: person.notes,
              doNotContact: person.doNotContact,
              strengthFloor: person.strengthFloor,
              strengthOverride: person.strengthOverride,
            });
          } else {
            printLine(context.io, `Updated ${person.name}.`);
          }
        },
      ),
    );
}
