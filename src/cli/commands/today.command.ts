import type { Command } from 'commander';
import { AGENDA_KINDS, type AgendaItem, type AgendaKind } from '../../domain/agenda.js';
import { AppError } from '../../domain/errors.js';
import { formatInstant } from '../../domain/time.js';
import type { App } from '../../app.js';
import { action, type Runtime } from '../command-runtime.js';
import type { CliIo } from '../cli-io.js';
import { printJson, printLine } from '../output.js';
import { displayWidth, outputWidth, wrapText } from '../text-width.js';
import { oldDataLine } from './old-data.js';
import { paletteFor } from '../colour.js';

/** The `today --json` item (docs/rules/cli.md#json-shapes). */
function itemJson(item: AgendaItem, rank: number | undefined) {
  return {
    id: item.id,
    kind: item.kind,
    person: item.person,
    due: item.due,
    reason: item.reason,
    suggestion: item.suggestion,
    rank: rank ?? null,
  };
}

const NOUNS: Record<AgendaKind, [string, string]> = {
  reply: ['reply', 'replies'],
  'follow-up': ['follow-up', 'follow-ups'],
  'let-go': ['let-go', 'let-gos'],
  'keep-in-touch': ['keep-in-touch', 'keep-in-touches'],
  revive: ['revive', 'revives'],
  triage: ['invitation', 'invitations'],
  introduce: ['introduction', 'introductions'],
};

const counted = (kind: AgendaKind, count: number) => `${count} ${NOUNS[kind][count === 1 ? 0 : 1]}`;

export async function printToday(
  io: CliIo,
  app: App,
  now: number,
  options: { json: boolean; all?: boolean; kind?: string; markdown?: boolean },
): Promise<void> {
  const kinds = parseKinds(options.kind);
  const plan = await app.agenda.plan(now, { all: options.all === true, kinds });
  const { today } = plan;
  const shows = (kind: AgendaKind) => kinds === null || kinds.has(kind);
  const items = plan.items.filter((item) => shows(item.kind));
  const more = Object.fromEntries(
    Object.entries(plan.more).filter(([kind]) => shows(kind as AgendaKind)),
  ) as typeof plan.more;
  if (options.json) {
    printJson(io, {
      now: formatInstant(now),
      items: items.map((item) => itemJson(item, plan.ranks.get(item.id))),
      more,
      dataAsOf: plan.dataAsOf === null ? null : formatInstant(plan.dataAsOf),
      budget: plan.budget,
      unknownSenders: plan.unknownSenders,
      unknownSenderNames: plan.unknownSenderNames,
    });
    return;
  }
  if (options.markdown) {
    for (const line of todayMarkdown(today, items, plan)) printLine(io, line);
    return;
  }
  if (plan.nothingImported) {
    printLine(
      io,
      'Nothing imported yet: tend import PATH (your LinkedIn export, a .zip or its folder), or tend demo to look around.',
    );
    return;
  }
  const width = outputWidth(io);
  const paint = paletteFor(io);
  const old = oldDataLine(plan.dataAsOf, now, plan.zone);
  if (old) {
    printLine(io, old);
    printLine(io);
  }
  if (items.length === 0) {
    printLine(io, `Nothing needs you today (${today}).`);
  } else {
    for (const line of wrapText(`Today, ${today}: ${planCount(items)}`, width, '', '  ')) printLine(io, line);
    for (const item of items) {
      const who = item.subject;
      const late = item.due < today ? ` ${paint.overdue(`(due ${item.due})`)}` : '';
      printLine(io);
      const header = `  ${paint.kind(item.kind, item.kind.toUpperCase())}  ${who}${late}   [${item.id}]`;
      if (displayWidth(header) <= width) printLine(io, header);
      else for (const line of wrapText(header, width, '  ', '    ')) printLine(io, line);
      for (const line of wrapText(item.reason, width, '    why:  ', '          ')) printLine(io, line);
      for (const line of wrapText(item.suggestion, width, '    next: ', '          ')) printLine(io, line);
    }
  }
  const invitations = more.triage ?? 0;
  if (invitations > 0) {
    printLine(io);
    printLine(io, `  and ${counted('triage', invitations)} more: tend triage`);
  }
  const rest = (Object.entries(more) as Array<[AgendaKind, number]>)
    .filter(([kind]) => kind !== 'triage')
    .sort((a, b) => b[1] - a[1]);
  if (rest.length > 0) {
    const total = rest.reduce((sum, [, count]) => sum + count, 0);
    printLine(io);
    printLine(
      io,
      `  and ${total} more: ${rest.map(([kind, count]) => counted(kind, count)).join(', ')} — tend today --all`,
    );
  }
  if (plan.unknownSenders > 0 && shows('reply')) {
    printLine(io);
    for (const line of wrapText(unknownSendersLine(plan.unknownSenderNames), width, '  ', '    '))
      printLine(io, line);
  }
  if (items.length > 0) {
    printLine(io);
    const marks = 'Mark an item: tend done ID · tend snooze ID --until 2w · tend dismiss ID · tend undo';
    printLine(io, marks.length <= width ? marks : 'Mark an item: tend done|snooze|dismiss ID · tend undo');
  }
}

/**
 * `today --markdown`: the plan as a Markdown document, for a digest mailed by cron (README: "A daily
 * digest"). The same items, reasons and commands as the terminal's, with nothing that needs a terminal.
 */
function todayMarkdown(
  today: string,
  items: readonly AgendaItem[],
  agenda: { nothingImported: boolean; unknownSenderNames: readonly string[] },
): string[] {
  const lines = [`# tend: ${today}`, ''];
  if (agenda.nothingImported) return [...lines, 'Nothing imported yet: `tend import PATH`.'];
  lines.push(items.length === 0 ? 'Nothing needs you today.' : `${planCount(items)}.`);
  for (const item of items) {
    const late = item.due < today ? ` (due ${item.due})` : item.due > today ? ` (from ${item.due})` : '';
    lines.push(
      '',
      `## ${item.kind}: ${item.subject}${late}`,
      '',
      `- **Why:** ${item.reason}`,
      `- **Next:** ${item.suggestion}`,
    );
    lines.push(
      `- \`tend done ${item.id}\` · \`tend snooze ${item.id} --until 2w\` · \`tend dismiss ${item.id}\``,
    );
  }
  if (agenda.unknownSenderNames.length > 0) lines.push('', unknownSendersLine(agenda.unknownSenderNames));
  return lines;
}

/**
 * What the plan holds, in words: the care items (at most `daily-budget`) as things to do, and the
 * invitations and the introduction, which are outside the budget (docs/rules/agenda.md#daily-plan), named
 * apart so the count never exceeds the budget: "12 things to do, and one introduction".
 */
export function planCount(items: readonly AgendaItem[]): string {
  const count = (kind: AgendaKind) => items.filter((item) => item.kind === kind).length;
  const triage = count('triage');
  const introduce = count('introduce');
  const care = items.length - triage - introduce;
  const words = (n: number, one: string, many: string) => `${n === 1 ? 'one' : n} ${n === 1 ? one : many}`;
  const apart = [
    ...(triage > 0 ? [words(triage, 'invitation', 'invitations')] : []),
    ...(introduce > 0 ? [words(introduce, 'introduction', 'introductions')] : []),
  ];
  if (care === 0) return apart.join(' and ');
  const things = `${care} ${care === 1 ? 'thing' : 'things'} to do`;
  if (apart.length === 0) return things;
  return apart.length === 1 ? `${things}, and ${apart[0]}` : `${things}, ${apart.join(' and ')}`;
}

/** `--kind reply,triage`: the kinds to show, each checked (null: all). */
function parseKinds(value: string | undefined): Set<AgendaKind> | null {
  if (value === undefined) return null;
  const kinds = value
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  for (const kind of kinds)
    if (!(AGENDA_KINDS as readonly string[]).includes(kind))
      throw new AppError(
        'usage',
        `--kind ${kind}: use one or more of ${AGENDA_KINDS.join(', ')}, with commas`,
      );
  if (kinds.length === 0) throw new AppError('usage', `--kind needs a kind: ${AGENDA_KINDS.join(', ')}`);
  return new Set(kinds as AgendaKind[]);
}

/** "3 messages from people you don't know yet: A, B, C and 2 more (tend people --unknown-senders)." */
export function unknownSendersLine(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  return `${names.length} ${names.length === 1 ? 'message' : 'messages'} from people you don't know yet: ${shown}${more} (tend people --unknown-senders).`;
}

export function registerTodayCommand(program: Command, runtime: Runtime): void {
  program
    .command('today')
    .description('the daily plan: who needs care today, why, and a concrete next step')
    .option('--all', 'everything due today, not only the daily plan')
    .option('--markdown', 'the plan as Markdown, for a digest by mail (see the README)')
    .option('--kind <kinds>', `only these kinds, with commas: ${AGENDA_KINDS.join(', ')}`)
    .action(
      action(runtime, async (context, options: { all?: boolean; kind?: string; markdown?: boolean }) => {
        await printToday(context.io, await context.app(), context.config.now, {
          json: context.config.json,
          ...options,
        });
      }),
    );
}
