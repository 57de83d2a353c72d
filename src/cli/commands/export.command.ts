import { open, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
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

export function registerExportCommand(program: Command, runtime: Runtime): void {
  program
    .command('export')
    .description('write everything out: json (a full export tend import restores), vcf (vCard 4.0) or csv')
    .requiredOption('--format <format>', `json, vcf or csv`)
    .option('-o, --output <file>', 'write to FILE (replaced whole, never half-written) instead of stdout')
    .addHelpText(
      'after',
      '\nRestore a json export into an empty data folder with: tend --data NEW-FOLDER import FILE.json\nThe csv neutralises cells a spreadsheet would read as formulas (=, +, -, @, tab, CR).',
    )
    .action(
      action(runtime, async (context, options: { format: string; output?: string }) => {
        const format = options.format.toLowerCase() as ExportFormat;
        if (!EXPORT_FORMATS.includes(format))
          throw new AppError('usage', `--format "${options.format}" is not known: use json, vcf or csv`);
        const app = await context.app();
        if (!options.output) {
          await app.exports.write(format, (text) => {
            context.io.stdout.write(text);
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
