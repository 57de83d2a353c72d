import { open, rename, rm } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../services/data-export.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';

const WHAT: Record<ExportFormat, string> = {
  json: 'rows',
  vcf: 'people',
  csv: 'people',
};

/** The format a file name says (docs/rules/export.md#format-from-name). */
const BY_EXTENSION: Record<string, ExportFormat> = {
  '.json': 'json',
  '.vcf': 'vcf',
  '.vcard': 'vcf',
  '.csv': 'csv',
};

/**
 * The format to write: `--format`, else the output file's extension. An extension that disagrees with an
 * explicit `--format` is refused, as is a file name that says no format when `--format` is left out: a
 * people.json holding vCards would be read by the next tool as broken JSON.
 */
export function exportFormatOf(format: string | undefined, output: string | undefined): ExportFormat {
  const named = output === undefined ? undefined : BY_EXTENSION[extname(output).toLowerCase()];
  if (format === undefined) {
    if (named) return named;
    throw new AppError(
      'usage',
      output === undefined
        ? 'say which format: --format json|vcf|csv, or -o FILE ending in .json, .vcf or .csv'
        : `cannot tell the format of "${basename(output)}": name it .json, .vcf or .csv, or add --format json|vcf|csv`,
    );
  }
  const asked = format.toLowerCase() as ExportFormat;
  if (!EXPORT_FORMATS.includes(asked))
    throw new AppError('usage', `--format "${format}" is not known: use json, vcf or csv`);
  if (named && named !== asked)
    throw new AppError(
      'usage',
      `--format ${asked} does not match "${basename(output ?? '')}" (a ${named} name): leave out --format or rename the file`,
    );
  return asked;
}

export function registerExportCommand(program: Command, runtime: Runtime): void {
  program
    .command('export')
    .description('write everything out: json (a full export tend import restores), vcf (vCard 4.0) or csv')
    .option(
      '--format <format>',
      'json, vcf or csv; left out, the output file name says it (.json, .vcf, .csv)',
    )
    .option('-o, --output <file>', 'write to FILE (replaced whole, never half-written) instead of stdout')
    .addHelpText(
      'after',
      '\nExamples: tend export -o people.vcf · tend export --format json > everything.json\nRestore a json export into an empty data folder with: tend --data NEW-FOLDER import FILE.json\nThe csv neutralises cells a spreadsheet would read as formulas (=, +, -, @, tab, CR).',
    )
    .action(
      action(runtime, async (context, options: { format?: string; output?: string }) => {
        const format = exportFormatOf(options.format, options.output);
        const app = await context.app();
        if (!options.output) {
          // A file or a pipe gets the bytes `-o` writes (CRLF kept); only a terminal gets the filtered
          // text (docs/rules/export.md#stdout).
          const out = context.io.stdout.isTTY
            ? context.io.stdout
            : (context.io.rawStdout ?? context.io.stdout);
          await app.exports.write(format, (text) => {
            out.write(text);
            return Promise.resolve();
          });
          return;
        }
        const file = resolve(options.output);
        const partial = `${file}.partial-${process.pid}`;
        const handle = await open(partial, 'w', 0o600);
        let count: number;
        try {
          count = await app.exports.write(format, async (text) => {
            await handle.write(text);
          });
          await handle.close();
          await rename(partial, file);
        } catch (error) {
          await handle.close().catch(() => undefined);
          await rm(partial, { force: true });
          throw error;
        }
        if (context.config.json) printJson(context.io, { format, file, [WHAT[format]]: count });
        else printLine(context.io, `Exported ${count} ${WHAT[format]} to ${file} (${format}).`);
      }),
    );
}
