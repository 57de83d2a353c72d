import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { describePersonChanges, type PersonEdits } from '../../domain/person-edits.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface SetOptions {
  circle?: string | false;
  tag?: string[];
  removeTag?: string[];
  untag?: string[];
  needs?: string[];
  removeNeed?: string[];
  offers?: string[];
  removeOffer?: string[];
  goal?: string[];
  removeGoal?: string[];
  howMet?: string | false;
  notes?: string | false;
  doNotContact?: boolean;
  allowContact?: boolean;
  floor?: string;
  override?: string;
}

/** Commander's `--x`/`--no-x` pair: a string sets, false clears, undefined leaves alone. */
const textOrClear = (value: string | false | undefined) => (value === false ? null : value);

function editsFrom(options: SetOptions): PersonEdits {
  if (options.doNotContact && options.allowContact)
    throw new AppError('usage', 'choose --do-not-contact or --allow-contact, not both');
  return {
    circle: textOrClear(options.circle),
    tags: options.tag,
    removeTags:
      options.removeTag || options.untag
        ? [...(options.removeTag ?? []), ...(options.untag ?? [])]
        : undefined,
    needs: options.needs,
    removeNeeds: options.removeNeed,
    offers: options.offers,
    removeOffers: options.removeOffer,
    goals: options.goal,
    removeGoals: options.removeGoal,
    howMet: textOrClear(options.howMet),
    notes: textOrClear(options.notes),
    doNotContact: options.doNotContact ? true : options.allowContact ? false : undefined,
    floor: options.floor,
    override: options.override,
  };
}

export function registerSetCommand(program: Command, runtime: Runtime): void {
  program
    .command('set')
    .description('edit what you know about a person; imports never overwrite it')
    .argument('<ref>', 'the person (id, profile URL, e-mail or name)')
    .option('--circle <circle>', 'inner (every 14 days) | close (30) | active (90) | wide (365)')
    .option('--no-circle', 'take them out of their circle')
    .option('--tag <tag>', 'add a tag (repeatable)', collect)
    .option('--remove-tag <tag>', 'remove a tag (repeatable)', collect)
    .option('--untag <tag>', 'the same as --remove-tag', collect)
    .option('--needs <text>', 'something they are looking for (repeatable)', collect)
    .option('--remove-need <text>', 'remove one of their needs (repeatable)', collect)
    .option('--offers <text>', 'something they can help with (repeatable)', collect)
    .option('--remove-offer <text>', 'remove one of their offers (repeatable)', collect)
    .option('--goal <text>', 'a goal of theirs (repeatable)', collect)
    .option('--remove-goal <text>', 'remove one of their goals (repeatable)', collect)
    .option('--how-met <text>', 'how you met')
    .option('--no-how-met', 'clear how you met')
    .option('--notes <text>', 'your notes (replaces them)')
    .option('--no-notes', 'clear your notes')
    .option('--do-not-contact', 'never suggest contacting them')
    .option('--allow-contact', 'undo --do-not-contact')
    .option('--floor <n>', 'a minimum strength 0–100 ("none" removes it)')
    .option('--override <n>', 'replace the computed strength 0–100 ("none" removes it)')
    .addHelpText(
      'after',
      '\nExamples:\n  tend set "Rasmus Holm" --circle close --needs "a React Native mentor"\n  tend set 42 --remove-tag alumni --no-circle',
    )
    .action(
      action(runtime, async (context, ref: string, options: SetOptions) => {
        const app = await context.app();
        const { person, changes } = await app.editing.set(ref, editsFrom(options));
        if (context.config.json) {
          printJson(context.io, {
            id: person.id,
            name: person.name,
            changes: changes.map((change) => change.text),
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
          printLine(context.io, describePersonChanges(person.name, changes));
        }
      }),
    );
}
