import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { triageJson } from '../../services/triage.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';
import { outputWidth, wrapText } from '../text-width.js';

export function registerTriageCommand(program: Command, runtime: Runtime): void {
  program
    .command('triage')
    .description('pending incoming invitations: accept, ask or decline, with reasons and a drafted reply')
    .option('--decide <id-and-verdict...>', 'record your decision: --decide ID accept|ask|decline')
    .addHelpText(
      'after',
      '\nPending: incoming, not yet a connection, sent within 90 days before the export. tend drafts; you send.',
    )
    .action(
      action(runtime, async (context, options: { decide?: string[] }) => {
        const app = await context.app();
        if (options.decide) {
          const [id, verdict, ...rest] = options.decide;
          if (!id || !verdict || rest.length > 0)
            throw new AppError('usage', 'use --decide ID accept|ask|decline');
          await app.triage.decide(id, verdict);
          if (context.config.json) printJson(context.io, { id: Number(id), decision: verdict });
          else printLine(context.io, `Invitation ${id}: ${verdict}.`);
          return;
        }
        const pending = await app.triage.pending(context.config.now);
        if (context.config.json) {
          printJson(context.io, pending.map(triageJson));
          return;
        }
        if (pending.length === 0) {
          printLine(context.io, 'No invitations waiting for a decision.');
          return;
        }
        const width = outputWidth(context.io);
        for (const entry of pending.map(triageJson)) {
          printLine(
            context.io,
            `${entry.verdict.toUpperCase()} (${entry.score})  ${entry.invitation.from}   [${entry.id}]`,
          );
          if (entry.invitation.message)
            for (const line of wrapText(`“${entry.invitation.message}”`, width, '  note: ', '        '))
              printLine(context.io, line);
          for (const reason of entry.reasons)
            for (const line of wrapText(reason, width, '  - ', '    ')) printLine(context.io, line);
          if (entry.reply) {
            printLine(context.io, '  draft reply:');
            for (const line of wrapText(entry.reply, width, '    ')) printLine(context.io, line);
          }
          printLine(context.io);
        }
        for (const line of wrapText('Record what you did: tend triage --decide ID accept|ask|decline', width))
          printLine(context.io, line);
      }),
    );
}
