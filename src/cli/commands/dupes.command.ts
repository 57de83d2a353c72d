import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

const named = (person: { id: number; name: string; company: string | null }) =>
  `${person.name}${person.company ? ` (${person.company})` : ''} [${person.id}]`;

export function registerDupesCommand(program: Command, runtime: Runtime): void {
  program
    .command('dupes')
    .description('people who may be one person, with the reasons (never merged without you)')
    .option('--dismiss <refs...>', 'say two people are different: A B')
    .option('--merges', "list the merges done (yours and the imports'), newest first")
    .addHelpText('after', '\nMerge a pair with: tend merge A B (B joins A). Undo with: tend unmerge REF')
    .action(
      action(runtime, async (context, options: { dismiss?: string[]; merges?: boolean }) => {
        const app = await context.app();
        const { io } = context;
        if (options.dismiss) {
          const [refA, refB, ...rest] = options.dismiss;
          if (refA === undefined || refB === undefined || rest.length > 0)
            throw new AppError('usage', '--dismiss takes two people: A B');
          const pair = await app.merges.dismiss(refA, refB);
          if (context.config.json) printJson(io, { dismissed: pair });
          else printLine(io, `${pair.a.name} and ${pair.b.name} are two people: no longer proposed.`);
          return;
        }
        if (options.merges) {
          const merges = await app.merges.merges();
          if (context.config.json) printJson(io, merges);
          else if (merges.length === 0) printLine(io, 'No merges to undo.');
          else
            for (const merge of merges)
              printLine(
                io,
                `${merge.at.slice(0, 10)}  ${merge.merged.name} [${merge.merged.id}] into ${named(merge.kept)}${merge.source === 'import' ? ' (by an import)' : ''} — undo: tend unmerge ${merge.merged.id}`,
              );
          return;
        }
        const proposals = await app.merges.dupes();
        if (context.config.json) {
          printJson(io, proposals);
          return;
        }
        if (proposals.length === 0) {
          printLine(io, 'No possible duplicates.');
          return;
        }
        for (const proposal of proposals) {
          printLine(io, `${named(proposal.a)}  ↔  ${named(proposal.b)}`);
          for (const reason of proposal.reasons) printLine(io, `  ${reason}`);
        }
        printLine(io);
        printLine(
          io,
          `${proposals.length} possible ${proposals.length === 1 ? 'duplicate' : 'duplicates'}. tend merge A B merges B into A; tend dupes --dismiss A B keeps them apart.`,
        );
      }),
    );
}
