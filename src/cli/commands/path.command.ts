import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import type { WarmPath } from '../../domain/warm-paths.js';
import type { PathResult } from '../../services/path.service.js';
import { action, type Runtime } from '../command-runtime.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printLine } from '../output.js';

/** Paths shown on screen when no --limit is given; --json prints them all. */
const SCREEN_LIMIT = 10;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** The `path --json` shape (docs/rules/cli.md#json-shapes): hops exclude me, the last is the end person. */
export function pathsToJson(paths: readonly WarmPath[]) {
  return paths.map((path) => ({
    hops: path.hops.map((hop) => ({
      id: hop.id,
      name: hop.name,
      edge: { strength: round3(hop.edge.strength), evidence: hop.edge.evidence },
    })),
    strength: round3(path.strength),
    verdict: path.verdict,
    warnings: path.warnings,
  }));
}

function formatStrength(value: number): string {
  return value > 0 && value < 0.005 ? '<0.01' : value.toFixed(2);
}

function heading(result: PathResult): string {
  const { target } = result;
  if (target.kind === 'person')
    return `Paths to ${target.person.name}${target.person.company ? ` (${target.person.company})` : ''}`;
  if (target.kind === 'company' && target.match === 'none') return `Paths to "${target.query}"`;
  if (target.kind === 'company')
    return `Paths to ${target.companies.join(', ') || target.query}: ${target.people.length} ${target.people.length === 1 ? 'person works' : 'people work'} there now`;
  return `Paths to ${target.url}`;
}

function printPaths(io: CliIo, result: PathResult): void {
  printLine(io, heading(result));
  for (const path of result.paths) {
    printLine(io);
    printLine(
      io,
      `${path.verdict.padEnd(8)} ${formatStrength(path.strength)}  you → ${path.hops.map((hop) => hop.name).join(' → ')}`,
    );
    let from = 'you';
    for (const hop of path.hops) {
      printLine(io, `    ${from} → ${hop.name} (${formatStrength(hop.edge.strength)}): ${hop.edge.evidence}`);
      from = hop.name;
    }
    for (const warning of path.warnings) printLine(io, `    ! ${warning}`);
  }
  if (result.paths.length > 0) printLine(io);
  if (result.total > result.paths.length)
    printLine(io, `${result.total - result.paths.length} more: use --limit ${result.total} to see them all.`);
  for (const note of result.notes) printLine(io, note);
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError('usage', '--limit must be a whole number above 0');
  return limit;
}

export function registerPathCommands(program: Command, runtime: Runtime): void {
  program
    .command('path')
    .description('warm paths to a person or a company: who can introduce you, at most two people in between')
    .argument(
      '<target>',
      'a person (id, profile URL, e-mail or name), a profile URL not in tend, or company:NAME',
    )
    .option('--limit <n>', `at most this many paths (default: ${SCREEN_LIMIT} on screen, all with --json)`)
    .addHelpText(
      'after',
      [
        '',
        'Each path is ranked by the product of its ties (x0.7 for a second intermediary); the verdict',
        'comes from the weakest tie: warm from 0.5, lukewarm from 0.25, cold below. Tell tend who knows',
        'whom with: tend knows A B [--strength 0..1] [--how TEXT]',
      ].join('\n'),
    )
    .action(
      action(runtime, async (context, target: string, options: { limit?: string }) => {
        const limit = parseLimit(options.limit);
        const app = await context.app();
        const json = context.config.json;
        const result = await app.paths.find(target, context.config.now, {
          ...(limit !== undefined ? { limit } : json ? {} : { limit: SCREEN_LIMIT }),
        });
        if (json) printJson(context.io, pathsToJson(result.paths));
        else printPaths(context.io, result);
      }),
    );

  program
    .command('knows')
    .description('record that two of your people know each other (it feeds warm paths and tie strength)')
    .argument('<a>', 'one person (id, profile URL, e-mail or name)')
    .argument('<b>', 'the other; a profile URL of someone not yet in tend adds them')
    .option('--strength <s>', 'how well they know each other, 0 to 1 (default 0.5, or what you recorded)')
    .option('--how <text>', 'how they know each other ("worked together at Acme"); empty to clear')
    .option('--name <name>', 'the name of B when B is a profile URL not yet in tend (default: from the URL)')
    .option('--remove', 'delete the tie you recorded')
    .action(
      action(
        runtime,
        async (
          context,
          a: string,
          b: string,
          options: { strength?: string; how?: string; name?: string; remove?: boolean },
        ) => {
          const app = await context.app();
          if (options.remove) {
            if (options.strength !== undefined || options.how !== undefined)
              throw new AppError('usage', '--remove takes no --strength or --how');
            const removed = await app.knownTies.remove(a, b);
            if (context.config.json)
              printJson(context.io, {
                a: { id: removed.a.id, name: removed.a.name },
                b: { id: removed.b.id, name: removed.b.name },
                removed: true,
              });
            else
              printLine(
                context.io,
                `Removed the tie you recorded between ${removed.a.name} and ${removed.b.name}.`,
              );
            return;
          }
          const recorded = await app.knownTies.record(a, b, {
            ...(options.strength !== undefined ? { strength: options.strength } : {}),
            ...(options.how !== undefined ? { how: options.how } : {}),
            ...(options.name !== undefined ? { name: options.name } : {}),
          });
          if (context.config.json) {
            printJson(context.io, {
              a: { id: recorded.a.id, name: recorded.a.name },
              b: { id: recorded.b.id, name: recorded.b.name },
              source: recorded.tie.source,
              strength: recorded.tie.strength,
              how: recorded.tie.evidence,
              personCreated: recorded.personCreated,
            });
            return;
          }
          if (recorded.personCreated)
            printLine(
              context.io,
              `${recorded.b.name} was not in tend: added (id ${recorded.b.id}, not connected).`,
            );
          printLine(
            context.io,
            `Recorded: ${recorded.a.name} and ${recorded.b.name} know each other (${recorded.tie.strength})${recorded.tie.evidence ? ` — ${recorded.tie.evidence}` : ''}.`,
          );
        },
      ),
    );
}
