import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { action, type Runtime } from '../command-runtime.js';

const DEFAULT_PORT = 4747;

/** `tend serve` with no options (and `tend demo --serve`): this machine only, port 4747. */
export const DEFAULT_SERVE = { port: DEFAULT_PORT, host: '127.0.0.1', open: false };

function portOf(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new AppError('usage', `--port ${value}: use a port number from 1 to 65535 (0: any free one)`);
  return Number(value);
}

/**
 * The server is loaded only when asked for: `src/http/serve.ts` and what it brings (Hono, zod) are a bundle of
 * their own (`dist/bundle/serve.cjs`, scripts/bundle.mjs), so no other command loads or compiles them.
 */
export async function loadServer() {
  return import('../../http/serve.js');
}

export function registerServeCommand(program: Command, runtime: Runtime): void {
  program
    .command('serve')
    .description('the web UI and its API on this machine; prints the URL that signs you in')
    .option('--port <n>', `the port (default ${DEFAULT_PORT}; 0: any free one)`)
    .option('--host <address>', 'the address to listen on (default 127.0.0.1: this machine only)')
    .option('--open', 'open the page in your browser')
    .action(
      action(runtime, async (context, options: { port?: string; host?: string; open?: boolean }) => {
        const { serve } = await loadServer();
        return serve(
          context.config,
          {
            port: options.port === undefined ? DEFAULT_SERVE.port : portOf(options.port),
            host: options.host ?? DEFAULT_SERVE.host,
            open: options.open === true,
          },
          context.io,
        );
      }),
    );
}
