import type { Command } from 'commander';
import { formatInstant } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { oldDataLine } from './old-data.js';
import { printJson, printLine } from '../output.js';
import { outputWidth, wrapText } from '../text-width.js';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);

export function registerHealthCommand(program: Command, runtime: Runtime): void {
  program
    .command('health')
    .description('network health: depth, follow-up rate, bands, circles, give/ask balance')
    .action(
      action(runtime, async (context) => {
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
