import type { Command } from 'commander';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';
import { personSummary } from './people.command.js';

export function registerShowCommand(program: Command, runtime: Runtime): void {
  program
    .command('show')
    .description('one person: strength with reasons, state, circle, due dates, how you met and the timeline')
    .argument('<ref>', 'an id, profile URL, e-mail address or a name fragment that matches one person')
    .action(
      action(runtime, async (context, ref: string) => {
        const app = await context.app();
        const now = context.config.now;
        const { details, strength, state, keepInTouchDue, timeline, last, zone } = await app.profiles.profile(
          ref,
          now,
        );
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
          `  Strength: ${strength.score} (${strength.band}) · state: ${state}${person.circle ? ` · circle: ${person.circle}` : ''}`,
        );
        for (const reason of strength.reasons) {
          printLine(
            io,
            `    ${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.component}: ${reason.text}`,
          );
        }
        if (keepInTouchDue) printLine(io, `  Keep in touch by: ${keepInTouchDue}`);
        if (details.howMet) printLine(io, `  How we met: ${details.howMet}`);
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
        if (notes) printLine(io, `  Notes: ${notes}`);
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
        for (const interaction of timeline.slice(0, 20)) {
          const arrow = interaction.direction === 'out' ? '→' : interaction.direction === 'in' ? '←' : '↔';
          const text = (interaction.summary ?? '').replace(/\s+/g, ' ');
          const group = interaction.groupSize > 2 ? ` [group of ${interaction.groupSize}]` : '';
          const skipped = interaction.skippedReason ? ` (${interaction.skippedReason}, not counted)` : '';
          const entry = interaction.source === 'user' ? `  [${interaction.id}]` : '';
          printLine(
            io,
            `  ${toLocalDate(interaction.at, zone)} ${arrow} ${interaction.kind}${group}${skipped}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}${entry}`,
          );
        }
        if (timeline.some((interaction) => interaction.source === 'user'))
          printLine(io, '  [N] you logged it: tend unlog N removes it');
        if (timeline.length > 20) printLine(io, `  … ${timeline.length - 20} more (see --json)`);
      }),
    );
}
