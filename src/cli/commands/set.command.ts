import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerSetCommand(program: Command, runtime: Runtime): void {
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
