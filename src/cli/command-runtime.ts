import type { Command } from 'commander';
import { createApp, type App } from '../app.js';
import { resolveConfig, type AppConfig, type GlobalOptions } from '../config.js';
import type { CliIo } from './cli-io.js';
import { printNotice } from './output.js';

/** What a command's action gets: its io, the resolved config and the app, opened on first use. */
export interface CommandContext {
  io: CliIo;
  config: AppConfig;
  app(): Promise<App>;
}

export interface Runtime {
  io: CliIo;
  /** Set by an action: the process exit code. */
  exitCode: number;
  /** Apps opened by actions, closed by `run` when the command ends. */
  opened: App[];
}

export function contextFor(runtime: Runtime, command: Command): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  const config = resolveConfig(options, runtime.io.env);
  config.store.onWait = () =>
    printNotice(runtime.io, 'tend: waiting for another tend process to finish writing (an import?)…');
  config.store.onBackup = (file) =>
    printNotice(runtime.io, `tend: the database schema is being updated; a backup of it is in ${file}`);
  let app: Promise<App> | undefined;
  return {
    io: runtime.io,
    config,
    app: () => {
      app ??= createApp(config, { notice: (line) => printNotice(runtime.io, line) }).then((opened) => {
        runtime.opened.push(opened);
        return opened;
      });
      return app;
    },
  };
}

/** Wraps an action so it gets a context and may return an exit code. */
export function action<Args extends unknown[]>(
  runtime: Runtime,
  handler: (context: CommandContext, ...args: Args) => Promise<number | void>,
) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args[args.length - 1] as Command;
    const context = contextFor(runtime, command);
    const code = await handler(context, ...(args.slice(0, -1) as Args));
    if (typeof code === 'number') runtime.exitCode = code;
  };
}
