import type { Command } from 'commander';
import { formatInstant } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { formatTable, printJson, printLine } from '../output.js';
import { tableWidth } from '../text-width.js';

export function registerSegmentCommand(program: Command, runtime: Runtime): void {
  const segment = program
    .command('segment')
    .description('saved segments: a query kept by name, written @NAME in any query (tend people @NAME)');

  segment
    .command('save')
    .description('save QUERY as NAME (replacing a segment of that name)')
    .argument('<name>', 'letters, digits, - and _')
    .argument('<query...>', 'a segment query, e.g. company:acme -tag:alumni')
    .action(
      action(runtime, async (context, name: string, words: string[]) => {
        const app = await context.app();
        const { segment: saved, replaced } = await app.segments.save(
          name,
          words.join(' '),
          context.config.now,
        );
        const count = (await app.people.listing(`@${saved.name}`, context.config.now)).length;
        if (context.config.json) {
          printJson(context.io, { name: saved.name, query: saved.query, people: count, replaced });
          return;
        }
        printLine(
          context.io,
          `${replaced ? 'Replaced' : 'Saved'} @${saved.name} = ${saved.query} (${count} ${count === 1 ? 'person' : 'people'} now). Use it: tend people @${saved.name}`,
        );
      }),
    );

  segment
    .command('list')
    .description('saved segments with their queries and how many people each selects now')
    .action(
      action(runtime, async (context) => {
        const app = await context.app();
        const segments = await app.segments.list();
        const rows = [];
        for (const saved of segments)
          rows.push({
            name: saved.name,
            query: saved.query,
            people: (await app.people.listing(`@${saved.name}`, context.config.now)).length,
            updatedAt: formatInstant(saved.updatedAt),
          });
        if (context.config.json) {
          printJson(context.io, rows);
          return;
        }
        if (rows.length === 0) {
          printLine(context.io, 'No saved segments yet: tend segment save NAME QUERY');
          return;
        }
        printLine(
          context.io,
          formatTable(
            ['NAME', 'PEOPLE', 'QUERY'],
            rows.map((row) => [`@${row.name}`, String(row.people), row.query]),
            undefined,
            tableWidth(context.io),
          ),
        );
      }),
    );

  segment
    .command('rm')
    .description('remove a saved segment (refused while another segment uses it)')
    .argument('<name>', 'the segment (with or without @)')
    .action(
      action(runtime, async (context, name: string) => {
        const app = await context.app();
        await app.segments.remove(name);
        const bare = name.replace(/^@/, '');
        if (context.config.json) printJson(context.io, { name: bare, removed: true });
        else printLine(context.io, `Removed @${bare}.`);
      }),
    );
}
