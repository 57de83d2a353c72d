import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../app.js';
import type { AppConfig } from '../config.js';
import { AppError } from '../domain/errors.js';
import { loadServeSecret } from '../services/serve-secret.js';
import { createHttpApp } from './http-app.js';
import { defaultWebRoot } from './static-files.js';
import { createWebSessions } from './web-session.js';

export interface ServeOptions {
  port: number;
  host: string;
  open: boolean;
}

export interface ServeIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The Host values a request may carry: the bound address, and `localhost` or this machine's addresses. */
function allowedHosts(host: string, port: number): string[] {
  const named = host.includes(':') ? `[${host}]` : host;
  const hosts = [`${named}:${port}`];
  if (LOOPBACK.has(host)) hosts.push(`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`);
  if (host === '0.0.0.0' || host === '::')
    for (const entries of Object.values(networkInterfaces()))
      for (const entry of entries ?? [])
        hosts.push(`${entry.family === 'IPv6' ? `[${entry.address}]` : entry.address}:${port}`);
  return [...new Set(hosts)];
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * `tend serve`: the web UI and its API on 127.0.0.1 until Ctrl-C. Prints the login URL (a one-time token
 * that sets the session cookie). On SIGINT or SIGTERM it stops taking requests, lets those in flight finish,
 * closes the database and resolves with exit code 0.
 */
export async function serve(config: AppConfig, options: ServeOptions, io: ServeIo): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new AppError(
      'usage',
      `--port ${options.port}: use a port number from 1 to 65535 (0: any free one)`,
    );
  const app = await createApp(config, {
    notice: (line) => io.stderr.write(`${line}\n`),
    // Whole seconds, as the answers print the instant: requests within one second share kept results
    // (result-cache.ts) instead of each being a new instant.
    clock: config.nowGiven ? () => config.now : () => Math.floor(Date.now() / 1000) * 1000,
    // Searches as the page types: everyone's listing rows and search column kept (services/kept-people.ts).
    keepPeople: true,
  });
  const secret = loadServeSecret(config.dataDir);
  // The cookie's name carries the port, known once bound (--port 0 takes any free one): until the app is
  // made, which is before any request can arrive, the server answers 503.
  let handle: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const server = createAdaptorServer({ fetch: (request: Request) => handle(request) });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError(
              'usage',
              `port ${options.port} on ${options.host} is in use: choose another with --port N`,
            )
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? new AppError('usage', `--host ${options.host} is not an address of this machine`)
            : error,
      ),
    );
    server.listen(options.port, options.host, () => resolve(server.address() as AddressInfo));
  }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const sessions = createWebSessions(secret, address.port);
  const { hono } = createHttpApp(app, {
    allowedHosts: allowedHosts(options.host, address.port),
    sessions,
    webRoot: defaultWebRoot(),
    version: packageVersion(),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  handle = (request) => hono.fetch(request);
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shown}:${address.port}/login?token=${sessions.loginToken()}`;
  if (!LOOPBACK.has(options.host))
    io.stderr.write(
      `tend: WARNING: serving on ${options.host}, not only this machine: anyone who can reach port ${address.port} sees the sign-in page, and the login link below opens your whole network. Use --host 127.0.0.1 unless you mean it.\n`,
    );
  io.stdout.write(`tend serve: ${url}\n`);
  io.stdout.write('Open that link to sign in (it works once). Ctrl-C stops the server.\n');
  if (options.open) openBrowser(url);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stderr.write('tend serve: stopping (requests in flight finish first)…\n');
      server.close(() => {
        void app.close().then(() => resolve(0));
      });
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
