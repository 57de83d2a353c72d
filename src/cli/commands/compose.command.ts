import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import type { Channel } from '../../services/outreach.service.js';
import type { DraftFormat } from '../../services/outreach-files.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';
import { queryOfWords } from '../query-words.js';
import { sendComposed } from './compose-send.js';

interface ComposeOptions {
  template?: string;
  reason?: string;
  channel?: string;
  worksheet?: string;
  finish?: string;
  format?: string;
  out?: string;
  send?: string;
  yes?: boolean;
}

function channelOf(value: string | undefined): Channel {
  if (value === undefined || value === 'email' || value === 'linkedin') return value ?? 'email';
  throw new AppError('usage', `--channel must be email or linkedin, not "${value}"`);
}

function formatOf(value: string | undefined): DraftFormat | undefined {
  if (value === undefined || value === 'eml' || value === 'csv' || value === 'text') return value;
  throw new AppError('usage', `--format must be eml, csv or text, not "${value}"`);
}

export function registerComposeCommand(program: Command, runtime: Runtime): void {
  program
    .command('compose')
    .description(
      'a message to a segment: a worksheet where you write a personal line for each person, then --finish WORKSHEET checks them and writes the drafts',
    )
    .argument('[query...]', 'the segment query (as tend people)')
    // "-tag:alumni" is a negated term of the query, not an option.
    .allowUnknownOption()
    .option(
      '--template <file>',
      'the message: {{first-name}}, {{company|fallback}}… and {{personal}}; a first line "Subject: …"',
    )
    .option('--reason <text>', 'why you write to these people (required)')
    .option('--channel <channel>', 'email (default) or linkedin (note length and weekly budget)')
    .option('--worksheet <file>', 'where to write the worksheet (default tend-compose-BATCH.csv here)')
    .option('--finish <worksheet>', 'check the personal lines you wrote and write the drafts')
    .option('--format <format>', 'drafts as eml (default for e-mail), csv, or text (default for LinkedIn)')
    .option('--out <folder>', 'the drafts folder (default beside the worksheet, WORKSHEET-drafts)')
    .option(
      '--send <worksheet>',
      'send a finished e-mail batch through your SMTP server (smtp-url): a dry run without --yes',
    )
    .option('--yes', 'with --send: really send')
    .action(
      action(runtime, async (context, words: string[], options: ComposeOptions) => {
        if (options.send) return sendComposed(context, options.send, options.yes === true);
        const app = await context.app();
        const now = context.config.now;
        if (options.finish) {
          const result = await app.outreach.finish({
            worksheet: options.finish,
            format: formatOf(options.format),
            out: options.out,
            now,
          });
          if (context.config.json) {
            printJson(context.io, {
              batch: result.batch.id,
              folder: result.folder,
              files: result.files,
              warnings: result.warnings,
            });
            return;
          }
          for (const warning of result.warnings) printLine(context.io, `Warning: ${warning}`);
          printLine(context.io, `${result.drafts.length} drafts in ${result.folder}:`);
          for (const file of result.files) printLine(context.io, `  ${file}`);
          printLine(
            context.io,
            'tend drafts; you send. Each is recorded as composed (the 30-day rule and the daily cap count it).',
          );
          return;
        }
        const query = queryOfWords(words);
        if (!query)
          throw new AppError(
            'usage',
            'give the segment to write to: tend compose QUERY --template FILE --reason TEXT',
          );
        if (!options.template)
          throw new AppError(
            'usage',
            '--template FILE is required: the message, with {{personal}} where your line goes',
          );
        const result = await app.outreach.compose({
          query,
          templatePath: options.template,
          reason: options.reason,
          channel: channelOf(options.channel),
          worksheetPath: options.worksheet ?? 'tend-compose-{batch}.csv',
          now,
        });
        if (context.config.json) {
          printJson(context.io, {
            batch: result.batch.id,
            worksheet: result.worksheet,
            recipients: result.recipients.map((recipient) => ({
              id: recipient.id,
              name: recipient.name,
              email: recipient.email,
            })),
            leftOut: result.leftOut,
            warnings: result.warnings,
          });
          return;
        }
        for (const warning of result.warnings) printLine(context.io, `Warning: ${warning}`);
        printLine(
          context.io,
          `${result.recipients.length} recipients in ${result.worksheet}: write one line for each, only they would get.`,
        );
        if (result.leftOut.length > 0) {
          printLine(context.io, `Left out (${result.leftOut.length}):`);
          for (const person of result.leftOut)
            printLine(context.io, `  ${person.name} (${person.id}): ${person.why}`);
        }
        printLine(context.io, `Then: tend compose --finish ${result.worksheet}`);
      }),
    );
}
