import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { tempDataDir } from './support/cli-harness.js';
import { closeApps, postgresAvailable } from './support/test-databases.js';

/**
 * What a new user's trial on a real export changed, on SQLite and PostgreSQL alike: a follow-up held by the
 * connection's possible other record (docs/rules/agenda.md#follow-up-held), `source:linkedin` for connections
 * without URL (docs/rules/segments.md) and health's bands of people who are not connections
 * (docs/rules/prune-and-health.md#health-figures). Made-up people.
 */
const postgresUrl = process.env.TEND_TEST_DATABASE_URL;
const opened: App[] = [];
const NOW = Date.parse('2024-03-12T12:00:00Z');

afterAll(() => closeApps(opened));

function exportFolder(): string {
  const folder = join(tempDataDir(), 'export');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'Connections.csv'),
    [
      'First Name,Last Name,Email Address,Company,Position,Connected On',
      'Rahul,Verma,,Lumen Labs,Data Engineer,08 Mar 2024',
      'Rahul,Verma,,Orbit Systems,Chip Designer,12 Jan 2021',
      'Sara,Lind,,Fjord AB,Designer,02 Feb 2020',
      'Ola,Berg,,Nordkap,Analyst,07 Mar 2024',
    ].join('\n'),
  );
  const me = 'Mira Okoye,https://www.linkedin.com/in/mira-okoye';
  const rahul = 'Rahul Verma,https://www.linkedin.com/in/rahul-verma-42';
  const sara = 'Sara Lind,https://www.linkedin.com/in/sara-lind';
  writeFileSync(
    join(folder, 'messages.csv'),
    [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
      `c1,,${rahul},${me},2024-03-09 09:00:00 UTC,,Could you look at my resume for the data role?,INBOX`,
      `c1,,${me},${rahul},2024-03-09 10:00:00 UTC,,Sure send it over and I will read it tonight,INBOX`,
      `c2,,${sara},${me},2024-02-01 09:00:00 UTC,,See you at the meetup,INBOX`,
      `c2,,${me},${sara},2024-02-01 10:00:00 UTC,,Looking forward to it,INBOX`,
    ].join('\n'),
  );
  return folder;
}

async function answersOn(dialect: 'sqlite' | 'postgres') {
  const config = resolveConfig({ data: tempDataDir(), now: '2024-03-12T12:00:00Z' }, {});
  if (dialect === 'postgres' && postgresUrl)
    config.store = { dialect: 'postgres', url: postgresUrl, schema: `t_trial_${process.pid}` };
  const app = await createApp(config);
  opened.push(app);
  app.settings.set('timezone', 'UTC');
  await app.imports.importPaths([exportFolder()]);
  const plan = await app.agenda.plan(NOW, { all: true });
  const health = await app.health.figures(NOW);
  return {
    followUps: plan.items.filter((item) => item.kind === 'follow-up').map((item) => item.subject),
    linkedin: (await app.people.listing('source:linkedin', NOW)).map((person) => person.name),
    bands: health.bands,
    bandsNotConnected: health.bandsNotConnected,
  };
}

describe('a connection and its possible other record, sources and bands', () => {
  it('hold the follow-up the other record answers, count everyone as from LinkedIn, band the unconnected apart', async () => {
    const answers = await answersOn('sqlite');
    // Ola's follow-up stays; the new Rahul's is held by the sender's conversation since 08 March.
    expect(answers.followUps).toEqual(['Ola Berg']);
    expect(answers.linkedin).toEqual(['Ola Berg', 'Rahul Verma', 'Rahul Verma', 'Rahul Verma', 'Sara Lind']);
    const above = (bands: Record<string, number>) =>
      (bands.strong ?? 0) + (bands.medium ?? 0) + (bands.weak ?? 0);
    expect(above(answers.bands)).toBe(1);
    expect(above(answers.bandsNotConnected)).toBe(1);
  });

  it.skipIf(!postgresAvailable)('give the same answers on SQLite and PostgreSQL', async () => {
    expect(await answersOn('postgres')).toEqual(await answersOn('sqlite'));
  });
});
