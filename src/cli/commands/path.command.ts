import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { SHOWN_FROM, type WarmPath } from '../../domain/warm-paths.js';
import type { PathResult } from '../../services/path.service.js';
import { action, type Runtime } from '../command-runtime.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printLine } from '../output.js';
import { outputWidth, wrapText } from '../text-width.js';

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
  if (target.kind === 'company') {
    const where =
      target.companies.length === 1
        ? target.companies[0]
        : `${target.companies.length} companies matching "${target.query}"`;
    return `Paths to ${where}: ${target.people.length} ${target.people.length === 1 ? 'person works' : 'people work'} there now`;
  }
  return `Paths to ${target.url}`;
}

function printPaths(io: CliIo, result: PathResult): void {
  // Wrapped to the output width, continuation lines indented under their text (docs/rules/cli.md#output-width).
  const width = outputWidth(io);
  const say = (text: string, first = '', rest = `${first}  `) => {
    for (const line of wrapText(text, width, first, rest)) printLine(io, line);
  };
  say(heading(result));
  for (const path of result.paths) {
    printLine(io);
    say(
      `you → ${path.hops.map((hop) => hop.name).join(' → ')}`,
      `${path.verdict.padEnd(8)} ${formatStrength(path.strength)}  `,
      ' '.repeat(15),
    );
    let from = 'you';
    for (const hop of path.hops) {
      say(
        `${from} → ${hop.name} (${formatStrength(hop.edge.strength)}): ${hop.edge.evidence}`,
        '    ',
        '      ',
      );
      from = hop.name;
    }
    for (const warning of path.warnings) say(`! ${warning}`, '    ', '      ');
  }
  if (result.paths.length > 0) printLine(io);
  if (result.total > result.paths.length)
    say(`${result.total - result.paths.length} more: use --limit ${result.total} to see them all.`);
  if (result.faint > 0)
    say(
      `${result.faint} ${result.faint === 1 ? 'path scores' : 'paths score'} below ${SHOWN_FROM}: too faint to ask for an introduction, not shown.`,
    );
  for (const note of result.notes) say(note);
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError('usage', '--limit must be a whole number above 0');
  return limit;
}

export function registerPathCommand(program: Command, runtime: Runtime): void {
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
}
