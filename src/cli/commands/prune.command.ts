import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { action, type Runtime } from '../command-runtime.js';
import type { CliIo } from '../cli-io.js';
import { formatTable, printJson, printLine } from '../output.js';
import { outputWidth, tableWidth, wrapText } from '../text-width.js';

async function readStdinRefs(io: CliIo): Promise<string[]> {
  if (!io.stdin || io.stdin.isTTY) return [];
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

export function registerPruneCommand(program: Command, runtime: Runtime): void {
  program
    .command('prune')
    .description('connections that never were: connected over a year ago, never any interaction, nothing set')
    .option('--apply [refs...]', 'archive these people (or the REFs given on stdin, one per line)')
    .option('--apply-all', 'archive every candidate')
    .option('--limit <n>', 'with --apply-all: at most this many, oldest first')
    .option('--force', 'with --apply: archive also people who are no candidates (a circle, notes, messages…)')
    .addHelpText(
      'after',
      '\nArchiving hides people from lists and the agenda; nothing is deleted. Undo with: tend unarchive REF',
    )
    .action(
      action(
        runtime,
        async (
          context,
          options: { apply?: string[] | boolean; applyAll?: boolean; limit?: string; force?: boolean },
        ) => {
          const app = await context.app();
          const limit = options.limit === undefined ? undefined : Number(options.limit);
          if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
            throw new AppError('usage', '--limit must be a whole number above 0');
          if (options.apply !== undefined || options.applyAll) {
            const refs = Array.isArray(options.apply) ? options.apply : [];
            const all = refs.length === 0 && !options.applyAll ? await readStdinRefs(context.io) : refs;
            const archived = await app.prune.archive(all, {
              ...(options.applyAll ? { all: true } : {}),
              ...(limit !== undefined ? { limit } : {}),
              ...(options.force ? { force: true } : {}),
            });
            if (context.config.json)
              printJson(
                context.io,
                archived.map((person) => ({ id: person.id, name: person.name, archived: true })),
              );
            else
              printLine(
                context.io,
                `Archived ${archived.length} ${archived.length === 1 ? 'person' : 'people'}${archived.length ? `: ${archived.map((person) => person.name).join(', ')}` : ''}. Undo with tend unarchive REF.`,
              );
            return;
          }
          const candidates = await app.prune.candidates(context.config.now);
          if (context.config.json) {
            printJson(
              context.io,
              candidates.map((candidate) => ({
                person: { id: candidate.person.id, name: candidate.person.name },
                reason: candidate.reason,
              })),
            );
            return;
          }
          if (candidates.length === 0) {
            printLine(context.io, 'Nothing to prune.');
            return;
          }
          printLine(
            context.io,
            formatTable(
              ['ID', 'NAME', 'WHY'],
              candidates.map((candidate) => [
                String(candidate.person.id),
                candidate.person.name,
                candidate.reason,
              ]),
              90,
              tableWidth(context.io),
            ),
          );
          for (const line of wrapText(
            `${candidates.length} candidates. Archive with: tend prune --apply REF… (or --apply-all)`,
            outputWidth(context.io),
            '',
            '  ',
          ))
            printLine(context.io, line);
        },
      ),
    );
}
