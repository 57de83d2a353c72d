import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../app.js';
import { resolveConfig } from '../../config.js';
import { toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { formatTable, printJson, printLine, printNotice } from '../output.js';
import { personSummary } from './people.command.js';

export function registerDemoCommand(program: Command, runtime: Runtime): void {
  program
    .command('demo')
    .description(
      'import the sample network that ships with tend into a fresh folder and show what tend makes of it',
    )
    .action(
      action(runtime, async (context) => {
        // Always a fresh temporary folder on the embedded database: the demo never touches your own data.
        const dataDir = mkdtempSync(join(tmpdir(), 'tend-demo-'));
        const config = resolveConfig({ data: dataDir, now: new Date(context.config.now).toISOString() }, {});
        const app = await createApp(config);
        runtime.opened.push(app);
        app.settings.set('timezone', 'UTC');
        const today = toLocalDate(config.now, 'UTC');
        const report = await app.sample.load(dataDir, today);
        const people = await app.people.list(null);
        const last = await app.people.lastInteractionTimes(people.map((person) => person.id));
        if (context.config.json) {
          printJson(context.io, {
            dataDir,
            import: report,
            people: people.map((person) =>
              personSummary(person, {
                strength: null,
                band: null,
                lastInteractionAt: last.get(person.id) ?? null,
              }),
            ),
          });
          return;
        }
        const io = context.io;
        printLine(
          io,
          `Sample network imported for ${report.owner.name ?? 'the sample owner'}: ${report.totals.peopleAdded} people, ${report.totals.interactionsAdded} interactions, ${report.totals.invitationsAdded} invitations.`,
        );
        printLine(io);
        printLine(
          io,
          formatTable(
            ['ID', 'NAME', 'COMPANY', 'POSITION', 'CIRCLE', 'LAST CONTACT'],
            people.map((person) => {
              const at = last.get(person.id);
              return [
                String(person.id),
                person.name,
                person.company ?? '',
                person.position ?? '',
                person.circle ?? '',
                at ? toLocalDate(at, 'UTC') : '',
              ];
            }),
          ),
        );
        printLine(io);
        printNotice(io, `Explore it:  ./bin/tend --data ${dataDir} people`);
        printNotice(io, `             ./bin/tend --data ${dataDir} show "${people[0]?.name ?? 'NAME'}"`);
      }),
    );
}
