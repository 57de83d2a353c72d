import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../../test/support/cli-harness.js';
import { fillWorksheet } from '../../test/support/compose-worksheet.js';

/** `tend compose --send` (docs/rules/segments.md#send) against an SMTP server on 127.0.0.1 in this process. */
const NOW = '2026-01-15T09:00:00Z';
const PASSWORD = 'correct horse battery staple';
const LINES = [
  'Your health-law talk in Porto changed how I think about consent forms.',
  'I still use the onboarding checklist you shared after the Kindred offsite.',
  'The mobile release notes you wrote last spring were a model of clarity for us.',
  'Since the fjord meetup I have wanted to ask how your pricing workshop went.',
];

interface Received {
  to: string;
  messageId: string;
}

/** An SMTP server that takes PASSWORD and, when told, refuses every message after the first `failAfter`. */
async function startServer() {
  const received: Received[] = [];
  const state = { failAfter: Infinity };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (received.length >= state.failAfter) {
          const error = new Error('Mailbox busy, try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
          messageId: /^Message-ID: (.*)$/im.exec(text)?.[1]?.trim() ?? '',
        });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received, state };
}

const servers: SMTPServer[] = [];
afterAll(async () => {
  for (const server of servers) await new Promise<void>((done) => server.close(() => done()));
});

async function finishedBatch(port: number) {
  const data = tempDataDir();
  const work = mkdtempSync(join(data, 'work-'));
  const env: Record<string, string> = {};
  const tend = (...argv: string[]) => runCli(['--data', data, '--now', NOW, ...argv], env);
  expect((await tend('config', 'timezone', 'UTC')).code).toBe(0);
  expect((await tend('import', 'sample/linkedin')).code).toBe(0);
  for (const [key, value] of [
    ['smtp-url', `smtp://maya@127.0.0.1:${port}`],
    ['smtp-from', 'Maya Lind <maya@example.com>'],
    ['smtp-per-minute', '60000'],
  ] as const)
    expect((await tend('config', key, value)).code).toBe(0);
  const template = join(work, 'mail.txt');
  writeFileSync(template, 'Subject: Coffee, {{first-name}}?\n\nHi {{first-name}},\n\n{{personal}}\n\nMaya');
  const worksheet = join(work, 'sheet.csv');
  const composed = await tend(
    'compose',
    'marta OR sofia OR daniel OR hannah',
    '--template',
    template,
    '--reason',
    'in town next week',
    '--worksheet',
    worksheet,
  );
  expect(composed.code).toBe(0);
  fillWorksheet(worksheet, LINES);
  expect((await tend('compose', '--finish', worksheet)).code).toBe(0);
  return { tend, worksheet, env };
}

describe('tend compose --send', () => {
  it('is a dry run without --yes, refuses a password in smtp-url and sends nothing without one', async () => {
    const { server, port, received } = await startServer();
    servers.push(server);
    const { tend, worksheet } = await finishedBatch(port);
    const dry = await tend('compose', '--send', worksheet);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Would send 4 messages \(dry run, nothing sent\)/);
    expect(received).toEqual([]);
    const leaky = await tend(
      'config',
      'smtp-url',
      `smtp://maya:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
    );
    expect(leaky.code).toBe(1);
    expect(leaky.stderr).toMatch(/must not hold the password/);
    expect(leaky.stderr).not.toContain('horse');
    const noPassword = await tend('compose', '--send', worksheet, '--yes');
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toMatch(/TEND_SMTP_PASSWORD/);
    expect(received).toEqual([]);
  });

  it('stops at a failure, says who was sent and who not, and the re-run sends each remaining recipient exactly once', async () => {
    const { server, port, received, state } = await startServer();
    servers.push(server);
    const { tend, worksheet, env } = await finishedBatch(port);
    env.TEND_SMTP_PASSWORD = PASSWORD;
    state.failAfter = 2;
    const first = await tend('compose', '--send', worksheet, '--yes');
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/Sent 2:/);
    expect(first.stdout).toMatch(/Stopped: .*451/);
    expect(first.stdout).toMatch(/Not sent \(2\)/);
    expect(first.stdout + first.stderr).not.toContain('horse');
    expect(received).toHaveLength(2);

    state.failAfter = Infinity;
    const second = await tend('--json', 'compose', '--send', worksheet, '--yes');
    expect(second.code).toBe(0);
    const report = second.json<{ sent: { email: string }[]; alreadySent: number; notSent: unknown[] }>();
    expect(report.alreadySent).toBe(2);
    expect(report.sent).toHaveLength(2);
    expect(report.notSent).toEqual([]);
    expect(received).toHaveLength(4);
    expect(new Set(received.map((message) => message.to)).size).toBe(4);
    expect(new Set(received.map((message) => message.messageId)).size).toBe(4);
    // A third run has nothing left.
    const third = await tend('compose', '--send', worksheet, '--yes');
    expect(third.stdout).toMatch(/4 of batch \d+ were sent before/);
    expect(received).toHaveLength(4);
    // Each message sent is an outbound e-mail in the person's history.
    const shown = await tend('--json', 'show', received[0]?.to.split('@')[0]?.split('.')[0] ?? '');
    expect(shown.stdout).toMatch(/"kind": "email"/);
  });
});
