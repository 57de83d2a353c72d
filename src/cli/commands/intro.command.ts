import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { INTRODUCTION_STEPS, type Draft } from '../../domain/introduction-flow.js';
import { formatInstant, toLocalDate } from '../../domain/time.js';
import type { IntroductionView, LedgerPerson } from '../../services/introduction.service.js';
import type { CliIo } from '../cli-io.js';
import { action, type Runtime } from '../command-runtime.js';
import { formatTable, printJson, printLine } from '../output.js';
import { outputWidth, tableWidth, wrapText } from '../text-width.js';

function parseId(value: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw new AppError('usage', `"${value}" is not an introduction id: tend intro list shows them`);
  return Number(value.trim());
}

export function introductionJson(view: IntroductionView) {
  return {
    id: view.id,
    a: view.a,
    b: view.b,
    why: view.why,
    state: view.state,
    since: formatInstant(view.since),
    next: view.next,
    draft: view.draft,
    due: view.due,
    stalled: view.stalled,
    history: view.history.map((entry) => ({ ...entry, at: formatInstant(entry.at) })),
  };
}

function ledgerJson(row: LedgerPerson, withEntries: boolean) {
  return {
    person: row.person,
    given: row.given,
    received: row.received,
    balance: row.balance,
    lastAt: row.lastAt === null ? null : formatInstant(row.lastAt),
    ...(withEntries
      ? {
          entries: row.entries.map((entry) => ({
            kind: entry.kind,
            direction: entry.direction,
            at: formatInstant(entry.at),
            summary: entry.summary,
          })),
        }
      : {}),
  };
}

function printDraft(io: CliIo, draft: Draft | null, heading: string): void {
  if (!draft) return;
  printLine(io, `${heading} (to ${draft.to.join(' and ')}):`);
  if (draft.subject) printLine(io, `  Subject: ${draft.subject}`);
  for (const line of draft.text.split('\n')) printLine(io, line ? `  ${line}` : '');
}

function nextText(view: IntroductionView): string {
  return view.next.length === 0 ? 'finished' : view.next.join(' | ');
}

export function registerIntroCommand(program: Command, runtime: Runtime): void {
  const intro = program
    .command('intro')
    .description('the double opt-in introduction: ask A, ask B, introduce both, record how it went');

  intro
    .command('start')
    .description('start an introduction of A to B; prints its id and the message asking A')
    .argument('<a>', 'the person asked first (id, profile URL, e-mail or name)')
    .argument('<b>', 'the person asked second')
    .option('--why <text>', 'why they should meet (cited in every draft)')
    .action(
      action(runtime, async (context, refA: string, refB: string, options: { why?: string }) => {
        const app = await context.app();
        const view = await app.introductions.start(refA, refB, options.why ?? null);
        if (context.config.json) {
          printJson(context.io, introductionJson(view));
          return;
        }
        printLine(context.io, `Introduction ${view.id}: ${view.a.name} ↔ ${view.b.name} (proposed).`);
        printDraft(context.io, view.draft, 'Draft');
        printLine(context.io);
        printLine(context.io, `When you have sent it: tend intro advance ${view.id} asked-a`);
      }),
    );

  intro
    .command('list')
    .description('introductions: state, since when, the next step and its draft, stalled or not')
    .action(
      action(runtime, async (context) => {
        const app = await context.app();
        const views = await app.introductions.list(context.config.now);
        if (context.config.json) {
          printJson(context.io, views.map(introductionJson));
          return;
        }
        if (views.length === 0) {
          printLine(context.io, 'No introductions yet: see tend intros for suggestions.');
          return;
        }
        printLine(
          context.io,
          formatTable(
            ['id', 'pair', 'state', 'since', 'next', 'due'],
            views.map((view) => [
              String(view.id),
              `${view.a.name} ↔ ${view.b.name}`,
              view.state,
              toLocalDate(view.since, app.settings.timeZone()),
              nextText(view),
              view.due ? `${view.due}${view.stalled ? ' STALLED' : ''}` : '',
            ]),
            48,
            tableWidth(context.io),
          ),
        );
        for (const view of views.filter((entry) => entry.draft)) {
          printLine(context.io);
          printDraft(context.io, view.draft, `${view.id} next`);
        }
      }),
    );

  intro
    .command('advance')
    .description('record a step you took or an answer you got; prints the next draft')
    .argument('<id>', 'the introduction id (tend intro list)')
    .argument('<step>', INTRODUCTION_STEPS.join(' | '))
    .option('--note <text>', 'what was said (kept with the step and in the timeline)')
    .action(
      action(runtime, async (context, idText: string, step: string, options: { note?: string }) => {
        const id = parseId(idText);
        const app = await context.app();
        const view = await app.introductions.advance(id, step, options.note ? { note: options.note } : {});
        if (context.config.json) {
          printJson(context.io, introductionJson(view));
          return;
        }
        printLine(
          context.io,
          `Introduction ${view.id}: ${view.a.name} ↔ ${view.b.name} is now ${view.state}.`,
        );
        if (view.draft) printDraft(context.io, view.draft, 'Next draft');
        else if (view.next.length > 0)
          printLine(
            context.io,
            view.state === 'introduced'
              ? `tend reminds you on ${view.due ?? 'the 30th day'} to ask how it went; then: tend intro advance ${view.id} outcome --note "…"`
              : `Waiting for an answer${view.due ? ` (tend reminds you on ${view.due})` : ''}; then: tend intro advance ${view.id} ${nextText(view)}`,
          );
        if (view.draft && view.next.length > 0) {
          printLine(context.io);
          printLine(context.io, `Then: tend intro advance ${view.id} ${nextText(view)}`);
        }
      }),
    );

  program
    .command('ledger')
    .description('the give/ask ledger: help and introductions you gave, help you asked for or received')
    .argument('[ref]', 'one person (id, profile URL, e-mail or name); everyone with entries when omitted')
    .action(
      action(runtime, async (context, ref: string | undefined) => {
        const app = await context.app();
        const rows = await app.introductions.ledger(ref);
        if (context.config.json) {
          const first = rows[0];
          printJson(
            context.io,
            ref !== undefined && first ? ledgerJson(first, true) : rows.map((row) => ledgerJson(row, false)),
          );
          return;
        }
        if (rows.length === 0) {
          for (const line of wrapText(
            'Nothing given or received yet: tend log REF help-given|help-received TEXT records it.',
            outputWidth(context.io),
            '',
            '  ',
          ))
            printLine(context.io, line);
          return;
        }
        printLine(
          context.io,
          formatTable(
            ['person', 'gave help', 'introductions', 'received help', 'balance', 'last'],
            rows.map((row) => [
              row.person.name,
              String(row.given.help),
              String(row.given.introductions),
              String(row.received.help),
              row.balance > 0 ? `+${row.balance}` : String(row.balance),
              row.lastAt === null ? '' : toLocalDate(row.lastAt, app.settings.timeZone()),
            ]),
            undefined,
            tableWidth(context.io),
          ),
        );
        const first = rows[0];
        if (ref !== undefined && first)
          for (const entry of first.entries)
            printLine(
              context.io,
              `  ${toLocalDate(entry.at, app.settings.timeZone())}  ${entry.kind}  ${entry.summary ?? ''}`.trimEnd(),
            );
      }),
    );
}
