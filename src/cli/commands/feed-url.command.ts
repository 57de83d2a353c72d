import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';
import { DEFAULT_SERVE } from './serve.command.js';

/**
 * `tend feed-url [--rotate]`: the calendar feed's URL (docs/rules/cli.md#feed) for a calendar app to
 * subscribe to while `tend serve` runs; `--rotate` makes a new key, so the old URL stops working.
 */
export function registerFeedUrlCommand(program: Command, runtime: Runtime): void {
  program
    .command('feed-url')
    .description('print the URL of your plan as a calendar feed (iCalendar) that tend serve answers')
    .option('--rotate', 'make a new feed key: the old URL stops working')
    .option('--port <n>', 'the port tend serve listens on', String(DEFAULT_SERVE.port))
    .action(
      action(runtime, async (context, options: { rotate?: boolean; port: string }) => {
        if (!/^\d{1,5}$/.test(options.port) || Number(options.port) < 1 || Number(options.port) > 65535)
          throw new AppError('usage', `--port ${options.port}: use a port number from 1 to 65535`);
        // Opening the app makes the data folder (private) where the key is kept.
        const keys = (await context.app()).feedKeys;
        const key = options.rotate ? keys.rotate() : keys.current();
        const url = `http://${DEFAULT_SERVE.host}:${options.port}/feed/agenda.ics?key=${key}`;
        if (context.config.json) printJson(context.io, { url, rotated: options.rotate === true });
        else {
          printLine(context.io, url);
          printLine(
            context.io,
            `Subscribe to it in your calendar app while tend serve runs.${options.rotate ? ' The previous URL no longer works.' : ' tend feed-url --rotate revokes it.'}`,
          );
        }
      }),
    );
}
