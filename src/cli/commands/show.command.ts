import type { Command } from 'commander';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import type { AgendaItem } from '../../domain/agenda.js';
import type { AddressBookDetails } from '../../domain/contact-card.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printLine } from '../output.js';
import { cutToWidth, displayWidth, outputWidth, wrapText } from '../text-width.js';
import { personSummary } from './people.command.js';
import { paletteFor } from '../colour.js';

/** "What now?": the person's open agenda items, each with its id and the commands that act on it. */
function printOpenItems(io: CliIo, items: readonly AgendaItem[], today: string, width: number): void {
  if (items.length === 0) return;
  const paint = paletteFor(io);
  printLine(io);
  printLine(io, '  On the agenda:');
  for (const item of items) {
    const when =
      item.due < today ? paint.overdue(`due ${item.due}`) : item.due > today ? `from ${item.due}` : 'today';
    printLine(io, `    ${paint.kind(item.kind, item.kind)} (${when})  [${item.id}]`);
    for (const line of wrapText(item.suggestion, width, '      ')) printLine(io, line);
    const commands = [`tend done ${item.id}`, `tend snooze ${item.id} --until 2w`, `tend dismiss ${item.id}`];
    const oneLine = `      ${commands.join(' · ')}`;
    if (displayWidth(oneLine) <= width) printLine(io, oneLine);
    else for (const command of commands) printLine(io, `      ${command}`);
  }
}

/** What the person's address book cards say (docs/rules/contacts.md#cards). */
function printAddressBook(
  io: CliIo,
  book: AddressBookDetails | null,
  wrapped: (text: string, indent: string) => void,
): void {
  if (!book) return;
  const cards = book.cards === 1 ? 'one card' : `${book.cards} cards`;
  printLine(io, `  Address book (${cards}):`);
  if (book.birthday) printLine(io, `    Birthday: ${book.birthday}`);
  if (book.tags.length) printLine(io, `    Categories: ${book.tags.join(', ')}`);
  if (book.phones.length) wrapped(`Phones: ${book.phones.join(', ')}`, '    ');
  if (book.urls.length) wrapped(`Web: ${book.urls.join(', ')}`, '    ');
  for (const note of book.notes) wrapped(`Note: ${note}`, '    ');
  if (book.photos.length) printLine(io, `    Photo: ${book.photos.join(', ')} (in the data folder)`);
}

export function registerShowCommand(program: Command, runtime: Runtime): void {
  program
    .command('show')
    .description('one person: strength with reasons, state, circle, due dates, how you met and the timeline')
    .argument('<ref>', 'an id, profile URL, e-mail address or a name fragment that matches one person')
    .option('--full', 'the whole timeline, each message in full (wrapped)')
    .action(
      action(runtime, async (context, ref: string, options: { full?: boolean }) => {
        const app = await context.app();
        const now = context.config.now;
        const { details, strength, state, keepInTouchDue, timeline, last, zone, agenda } =
          await app.profiles.profile(ref, now);
        const { person, identities, observations } = details;
        const summary = personSummary(person, {
          strength: strength?.score ?? null,
          band: strength?.band ?? null,
          lastInteractionAt: last?.at ?? null,
        });
        const emails = identities
          .filter((identity) => identity.kind === 'email')
          .map((identity) => identity.value);
        const urls = identities
          .filter((identity) => identity.kind === 'url')
          .map((identity) => `https://www.${identity.value}`);
        if (context.config.json) {
          printJson(context.io, {
            ...summary,
            emails,
            urls,
            state,
            keepInTouchDue,
            connectionState: person.connectionState,
            connectedAt: person.connectedAt === null ? null : formatInstant(person.connectedAt),
            howMet: details.howMet,
            initiatedBy: details.initiatedBy,
            notes: person.notes ?? person.importedNotes,
            tags: person.tags,
            addressBook: details.addressBook,
            needs: person.needs,
            offers: person.offers,
            goals: person.goals,
            doNotContact: person.doNotContact,
            archived: person.archivedAt !== null,
            possibleDuplicates: details.possibleDuplicates.map((d) => ({
              id: d.otherId,
              name: d.otherName,
              reason: d.reason,
            })),
            strengthReasons: (strength?.reasons ?? []).map(
              (reason) =>
                `${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.component}: ${reason.text}`,
            ),
            agenda: agenda.map((item) => ({
              id: item.id,
              kind: item.kind,
              due: item.due,
              reason: item.reason,
              suggestion: item.suggestion,
            })),
            history: observations.map((row) => ({
              field: row.field,
              value: row.value,
              seenAt: formatInstant(Number(row.seen_at)),
            })),
            timeline: timeline.map((interaction) => ({
              id: interaction.id,
              kind: interaction.kind,
              direction: interaction.direction,
              at: formatInstant(interaction.at),
              channel: interaction.channel,
              groupSize: interaction.groupSize,
              summary: interaction.summary,
              ...(interaction.skippedReason ? { skipped: interaction.skippedReason } : {}),
            })),
          });
          return;
        }
        const io = context.io;
        printLine(io, `${person.name}  (id ${person.id})`);
        if (person.position || person.company)
          printLine(io, `  ${[person.position, person.company].filter(Boolean).join(' at ')}`);
        const connection =
          person.connectionState === 'connected'
            ? `connected${person.connectedAt ? ` since ${toLocalDate(person.connectedAt, zone)}` : ''}`
            : person.connectionState === 'no-longer-connected'
              ? 'no longer connected'
              : 'not connected';
        const initiated = details.initiatedBy
          ? ` (${details.initiatedBy === 'me' ? 'you invited them' : 'they invited you'})`
          : '';
        printLine(io, `  ${connection}${initiated}`);
        for (const url of urls) printLine(io, `  ${url}`);
        for (const email of emails) printLine(io, `  ${email}`);
        printLine(
          io,
          `  Strength: ${strength.score}${strength.band === state ? '' : ` (${strength.band})`} · state: ${state}${person.circle ? ` · circle: ${person.circle}` : ''}`,
        );
        const width = outputWidth(io);
        const wrapped = (text: string, indent: string, hanging = `${indent}  `) => {
          for (const line of wrapText(text, width, indent, hanging)) printLine(io, line);
        };
        for (const reason of strength.reasons)
          wrapped(
            `${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.component}: ${reason.text}`,
            '    ',
          );
        if (keepInTouchDue)
          printLine(
            io,
            `  Keep in touch by: ${keepInTouchDue < toLocalDate(now, zone) ? paletteFor(io).overdue(keepInTouchDue) : keepInTouchDue}`,
          );
        if (details.howMet) wrapped(`How we met: ${details.howMet}`, '  ');
        if (person.tags.length) printLine(io, `  Tags: ${person.tags.join(', ')}`);
        if (person.needs.length) printLine(io, `  Needs: ${person.needs.join('; ')}`);
        if (person.offers.length) printLine(io, `  Offers: ${person.offers.join('; ')}`);
        if (person.goals.length) printLine(io, `  Goals: ${person.goals.join('; ')}`);
        if (person.doNotContact) printLine(io, '  Do not contact.');
        if (person.archivedAt !== null) printLine(io, '  Archived (tend unarchive to bring back).');
        for (const duplicate of details.possibleDuplicates) {
          printLine(
            io,
            `  Possibly the same person as ${duplicate.otherName} (id ${duplicate.otherId}): ${duplicate.reason}`,
          );
        }
        const notes = person.notes ?? person.importedNotes;
        if (notes) wrapped(`Notes: ${notes}`, '  ');
        printAddressBook(io, details.addressBook, wrapped);
        printOpenItems(io, agenda, toLocalDate(now, zone), width);
        const companies = [
          ...new Set(observations.filter((row) => row.field === 'company').map((row) => row.value)),
        ];
        if (companies.length > 1) printLine(io, `  Companies seen: ${companies.join(' → ')}`);
        printLine(io);
        if (timeline.length === 0) {
          printLine(io, '  No interactions yet.');
          return;
        }
        printLine(io, '  Timeline (newest first):');
        const shown = options.full ? timeline : timeline.slice(0, 20);
        for (const interaction of shown) {
          const arrow = interaction.direction === 'out' ? '→' : interaction.direction === 'in' ? '←' : '↔';
          const text = (interaction.summary ?? '').replace(/\s+/g, ' ');
          const group = interaction.groupSize > 2 ? ` [group of ${interaction.groupSize}]` : '';
          const skipped = interaction.skippedReason ? ` (${interaction.skippedReason}, not counted)` : '';
          const entry = interaction.source === 'user' ? `  [${interaction.id}]` : '';
          const head = `  ${toLocalDate(interaction.at, zone)} ${arrow} ${interaction.kind}${group}${skipped}:`;
          if (options.full) {
            printLine(io, `${head}${entry}`);
            for (const line of wrapText(interaction.summary ?? '', width, '      ')) printLine(io, line);
          } else {
            // One line an entry, cut to the output width (docs/rules/cli.md#output-width); --full wraps it.
            const room = Math.max(12, width - displayWidth(head) - 1 - displayWidth(entry));
            printLine(io, `${head} ${cutToWidth(text, room)}${entry}`);
          }
        }
        if (timeline.some((interaction) => interaction.source === 'user'))
          printLine(io, '  [N] you logged it: tend unlog N removes it');
        if (!options.full && timeline.length > 20)
          printLine(io, `  … ${timeline.length - 20} more: tend show ${person.id} --full`);
      }),
    );
}
