import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import { healthPointJson } from '../../services/health-history.service.js';
import { action, type Runtime, type CommandContext } from '../command-runtime.js';
import { oldDataLine } from './old-data.js';
import { formatTable, printJson, printLine } from '../output.js';
import { outputWidth, tableWidth, wrapText } from '../text-width.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);

export function registerHealthCommand(program: Command, runtime: Runtime): void {
  program
    .command('health')
    .description('network health: depth, follow-up rate, bands, circles, give/ask balance')
    .option('--history', 'the daily snapshots kept: date, connections, depth, follow-up rate, bands')
    .option('--days <n>', 'with --history: the last N days (default 365)')
    .addHelpText(
      'after',
      "\nThe first command of each day keeps that day's figures; tend health --history lists them, most recent last.",
    )
    .action(
      action(runtime, async (context, options: { history?: boolean; days?: string }) => {
        if (options.days !== undefined && !options.history)
          throw new AppError('usage', '--days goes with --history');
        if (options.history) {
          await printHistory(context, options.days);
          return;
        }
        const app = await context.app();
        const health = await app.health.figures(context.config.now);
        if (context.config.json) {
          printJson(context.io, {
            ...health,
            dataAsOf: health.dataAsOf === null ? null : formatInstant(health.dataAsOf),
          });
          return;
        }
        const io = context.io;
        // Wrapped to the output width, under the figure (docs/rules/cli.md#output-width).
        const width = outputWidth(io);
        const say = (text: string) => {
          // "Label:   value": the label and its padding stay as they are, the value wraps under itself.
          const [, label = '', value = text] = /^([^:]+:\s+)(.*)$/s.exec(text) ?? [];
          for (const line of wrapText(value, width, label, ' '.repeat(20))) printLine(io, line);
        };
        const old = oldDataLine(health.dataAsOf, context.config.now, app.settings.timeZone());
        if (old) printLine(io, old);
        say(
          `Connections:        ${health.connections}${health.archived ? ` (${health.archived} archived)` : ''}`,
        );
        say(`Conversed with:     ${health.conversed}`);
        say(
          health.depth === null
            ? `Depth:              unknown: ${health.messagesImported ? 'no connections yet' : 'no conversations imported'}`
            : `Depth:              ${percent(health.depth)} of your connections have had a two-way conversation with you`,
        );
        say(
          health.newConnections === 0
            ? 'Follow-up rate:     no new connections in the last year'
            : `Follow-up rate:     ${percent(health.followUpRate)} of ${health.newConnections} connections of the last year got a message from you within 7 days`,
        );
        // What the bands count, so they compare with `tend people band:…` (docs/rules/prune-and-health.md#health-figures).
        const counted = `${health.connections === 1 ? 'your connection' : `your ${health.connections} connections`}${health.archived ? ', archived included' : ''}`;
        say(
          `Bands:              of ${counted}: ${Object.entries(health.bands)
            .map(([band, count]) => `${band} ${count}`)
            .join(', ')}`,
        );
        const others = Object.entries(health.bandsNotConnected).filter(([, count]) => count > 0);
        if (others.length > 0)
          say(
            `Not connected:      ${others.map(([band, count]) => `${band} ${count}`).join(', ')} among people you talk with but are not connected to (tend people counts them in its bands too)`,
          );
        say(
          `Circles:            ${
            Object.entries(health.circles)
              .map(([circle, count]) => `${circle} ${count}`)
              .join(', ') || 'none set (tend set REF --circle close)'
          }`,
        );
        say(
          `Give / ask:         ${health.giveAsk.given} given, ${health.giveAsk.received} received, ${plural(health.giveAsk.introductions, 'introduction')}`,
        );
        say(
          `Invitations:        ${health.pendingInvitations} pending${health.pendingInvitations > 0 ? ': tend triage' : ''}`,
        );
      }),
    );
}

/** `health --history`: the snapshots kept a day (docs/rules/prune-and-health.md#health-history), oldest first. */
async function printHistory(context: CommandContext, daysText: string | undefined): Promise<void> {
  const days = daysText === undefined ? 365 : Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > 9999)
    throw new AppError('usage', '--days must be a whole number from 1 to 9999');
  const app = await context.app();
  const now = context.config.now;
  // Today's figures belong in the list: take them now rather than after the command, as the web page does.
  await app.healthHistory.recordDaily(now);
  const points = await app.healthHistory.history(now, days);
  if (context.config.json) {
    printJson(context.io, { points: points.map(healthPointJson) });
    return;
  }
  if (points.length === 0) {
    printLine(context.io, "No health history yet: the first command of each day keeps that day's figures.");
    return;
  }
  printLine(
    context.io,
    formatTable(
      ['DATE', 'CONNECTIONS', 'DEPTH', 'FOLLOW-UP', 'STRONG', 'MEDIUM', 'WEAK', 'DORMANT', 'NONE'],
      points.map(({ day, figures }) => [
        day,
        String(figures.connections),
        percent(figures.depth),
        percent(figures.followUpRate),
        ...(['strong', 'medium', 'weak', 'dormant', 'none'] as const).map((band) =>
          String(figures.bands[band]),
        ),
      ]),
      undefined,
      tableWidth(context.io),
    ),
  );
}
