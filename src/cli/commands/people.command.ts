import type { Command } from 'commander';
import type { ListedPerson, Person } from '../../domain/person.js';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import type { App } from '../../app.js';
import { listedPersonJson, listingFacts } from '../../services/people-listing.js';
import { action, type CommandContext, type Runtime } from '../command-runtime.js';
import { formatTable, printJson, printLine } from '../output.js';
import { createProgressBar } from '../progress-bar.js';
import { queryOfWords } from '../query-words.js';
import { tableWidth } from '../text-width.js';

/** The `people --json` element (docs/rules/cli.md#json-shapes). */
export const personSummary = listedPersonJson;

/**
 * The people a query selects; a search that finds the search documents stale (a data folder imported into
 * by an older tend) rebuilds them first and shows how far it is on stderr, as an import does.
 */
async function listingWithProgress(context: CommandContext, query: string | null): Promise<ListedPerson[]> {
  const app = await context.app();
  const bar = createProgressBar(context.io, !context.config.json);
  try {
    return await app.people.listing(query, context.config.now, {
      onIndexProgress: (done, total) => bar.update('search index', done, total, done, 'people'),
    });
  } finally {
    bar.done();
  }
}

async function printArchived(context: CommandContext, query: string | null): Promise<void> {
  const app = await context.app();
  const zone = app.settings.timeZone();
  const archived = (await app.prune.archived()).filter(
    (person) => query === null || app.people.matchesQuery(person, query),
  );
  if (context.config.json) {
    printJson(
      context.io,
      archived.map((person) => ({
        id: person.id,
        name: person.name,
        company: person.company,
        position: person.position,
        archivedAt: formatInstant(person.archivedAt ?? 0),
      })),
    );
    return;
  }
  if (archived.length === 0) {
    printLine(context.io, query ? `No one archived matches "${query}".` : 'No one is archived.');
    return;
  }
  printLine(
    context.io,
    formatTable(
      ['ID', 'NAME', 'COMPANY', 'ARCHIVED'],
      archived.map((person) => [
        String(person.id),
        person.name,
        person.company ?? '',
        toLocalDate(person.archivedAt ?? 0, zone),
      ]),
      undefined,
      tableWidth(context.io),
    ),
  );
  printLine(context.io, `${archived.length} archived. Bring one back with: tend unarchive REF`);
}

export function registerPeopleCommand(program: Command, runtime: Runtime): void {
  program
    .command('people')
    .description(
      'list people, or a segment: words, company: title: location: tag: circle: band: strength: connected: last: how-met: needs: offers: source:, -, OR, ( ), @NAME',
    )
    .argument(
      '[query...]',
      'text to look for (case- and accent-insensitive) or a segment query, e.g. company:acme strength:<40 -tag:alumni',
    )
    // "-tag:alumni" is a negated term of the query, not an option.
    .allowUnknownOption()
    .option('--archived', 'the archived instead (tend unarchive REF brings one back)')
    .option('--unknown-senders', "people you don't know yet whose messages wait (today counts them)")
    .action(
      action(
        runtime,
        async (context, words: string[], options: { archived?: boolean; unknownSenders?: boolean }) => {
          const app = await context.app();
          const query = queryOfWords(words);
          if (options.archived) {
            await printArchived(context, query);
            return;
          }
          const people = options.unknownSenders
            ? (await unknownSenders(app, context.config.now)).filter(
                (person) => query === null || app.people.matchesQuery(person, query),
              )
            : await listingWithProgress(context, query);
          const factsOf = await listingFacts(app.relationships, context.config.now, people);
          const rows = people.map((person) => personSummary(person, factsOf(person)));
          if (context.config.json) {
            printJson(context.io, rows);
            return;
          }
          if (rows.length === 0) {
            printLine(
              context.io,
              options.unknownSenders
                ? 'No messages from people you do not know yet.'
                : query
                  ? `No one matches "${query}".`
                  : 'No people yet: import your LinkedIn export with `tend import PATH`.',
            );
            return;
          }
          printLine(
            context.io,
            formatTable(
              ['ID', 'NAME', 'COMPANY', 'POSITION', 'STRENGTH', 'LAST CONTACT'],
              rows.map((row) => [
                String(row.id),
                row.name,
                row.company ?? '',
                row.position ?? '',
                row.strength === null ? '' : `${row.strength} ${row.band ?? ''}`,
                row.lastInteractionAt ? row.lastInteractionAt.slice(0, 10) : '',
              ]),
              undefined,
              tableWidth(context.io),
            ),
          );
          printLine(context.io, `${rows.length} ${rows.length === 1 ? 'person' : 'people'}`);
        },
      ),
    );
}

/** Who wrote without being a connection or an earlier contact, as the agenda counts them. */
async function unknownSenders(app: App, now: number): Promise<Person[]> {
  const agenda = await app.agenda.today(now);
  return Promise.all(agenda.unknownSenderIds.map((id) => app.people.resolveRef(String(id))));
}
