import type { Command } from 'commander';
import type { ImportReport } from '../../services/import.report.js';
import { action, type Runtime } from '../command-runtime.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printLine, printNotice } from '../output.js';
import { createProgressBar } from '../progress-bar.js';
import { AppError } from '../../domain/errors.js';
import { isValidTimeZone } from '../../domain/time.js';

export function printImportReport(io: CliIo, report: ImportReport): void {
  for (const file of report.files) {
    if (file.format === 'ignored') {
      printLine(io, `  ignored   ${file.path} (not a file tend reads)`);
      continue;
    }
    if (file.failed) {
      // An error: on stderr, so it shows when the report on stdout goes to a file or a pipe.
      printNotice(io, `  FAILED    ${file.path}: ${file.failed}`);
      continue;
    }
    if (file.unchanged) {
      printLine(io, `  unchanged ${file.path} (${file.format}, imported before)`);
      continue;
    }
    const skipped = Object.entries(file.skipped)
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    printLine(
      io,
      `  ok        ${file.path} (${file.format}): ${file.rowsRead} rows, ${file.imported} imported${skipped ? `, skipped: ${skipped}` : ''}`,
    );
    for (const problem of file.problems.slice(0, 10))
      printLine(io, `            line ${problem.line}: ${problem.message}`);
    if (file.problems.length > 10)
      printLine(io, `            … and ${file.problems.length - 10} more problems (see --json)`);
  }
  const { totals, owner } = report;
  printLine(
    io,
    // Records stored that are no interactions are said apart, so an import and the restore of its export
    // give the same numbers (docs/rules/identity-and-imports.md#import-report).
    `People: ${totals.peopleAdded} added, ${totals.peopleUpdated} updated. Interactions: ${totals.interactionsAdded} added${totals.recordsKept > 0 ? ` (and ${totals.recordsKept} ${totals.recordsKept === 1 ? 'record' : 'records'} kept that ${totals.recordsKept === 1 ? 'is' : 'are'} no interaction: flagged skipped, or without a person yet)` : ''}. Invitations: ${totals.invitationsAdded} added.`,
  );
  if (owner.name || owner.url) {
    printLine(
      io,
      `Owner (you): ${owner.name ?? 'unknown name'}${owner.url ? ` <${owner.url}>` : ''} — wrong? tend config owner-url URL`,
    );
  }
  const ownFiles = report.files.some((file) => ['icalendar', 'mbox', 'eml'].includes(file.format));
  if (ownFiles && owner.emails?.length) {
    const how =
      owner.emailsFrom === 'setting'
        ? 'your owner-email setting'
        : 'inferred: the most frequent sender or participant';
    printLine(
      io,
      `Your e-mail: ${owner.emails.join(', ')} (${how}) — wrong? tend config owner-email ADDRESS`,
    );
  } else if (ownFiles)
    printLine(
      io,
      'Your e-mail is not known, so direction could not be told: tend config owner-email ADDRESS',
    );
}

interface ImportFlags {
  tz?: string;
  photos: boolean;
  createPeople?: boolean;
  keepBodies?: boolean;
}

export function registerImportCommand(program: Command, runtime: Runtime): void {
  program
    .command('import')
    .description(
      'import a LinkedIn data export (the zip, its unpacked folder or single CSV files), address books (.vcf, contact CSV), calendars (.ics) or mail (.mbox, .eml)',
    )
    .argument(
      '<paths...>',
      'zip files, folders, CSV, vCard, iCalendar, mbox or .eml files, or a full export (tend export --format json) to restore into an empty folder',
    )
    .option(
      '--tz <zone>',
      'time zone for dates the export writes without one (default: the timezone setting)',
    )
    .option('--no-photos', 'drop contact photos instead of keeping them as files in the data folder')
    .option('--create-people', 'calendar and mail: make people of participants tend does not know yet')
    .option('--keep-bodies', "mail: keep message bodies as the interactions' text (default: headers only)")
    .addHelpText(
      'after',
      '\nRe-importing is safe: what is already there is recognised and left as it is.\nExit code 2 when a file could not be used (the other files are imported).',
    )
    .action(
      action(runtime, async (context, paths: string[], options: ImportFlags) => {
        if (options.tz && !isValidTimeZone(options.tz)) {
          throw new AppError(
            'usage',
            `--tz "${options.tz}" is not a time zone: use an IANA name such as Europe/Berlin`,
          );
        }
        const app = await context.app();
        const bar = createProgressBar(context.io, !context.config.json);
        const report = await app.exports.importWithRestores(paths, (rest) =>
          app.imports.importPaths(rest, {
            ...(options.tz ? { timeZone: options.tz } : {}),
            photos: options.photos,
            createPeople: options.createPeople === true,
            keepBodies: options.keepBodies === true,
            ...(context.config.debug
              ? {
                  onStep: (step: string, ms: number) =>
                    context.io.stderr.write(`tend: ${step}: ${(ms / 1000).toFixed(2)} s\n`),
                }
              : {}),
            onProgress: (progress) =>
              bar.update(progress.file, progress.bytes, progress.totalBytes, progress.rows),
          }),
        );
        bar.done();
        if (context.config.json) {
          printJson(context.io, report);
          for (const file of report.files.filter((entry) => entry.failed))
            printNotice(context.io, `  FAILED    ${file.path}: ${file.failed}`);
        } else printImportReport(context.io, report);
        return report.files.some((file) => file.failed) ? EXIT.badInput : EXIT.ok;
      }),
    );
}
