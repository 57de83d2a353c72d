import { SMTP_PASSWORD_VARIABLE, type SendReport } from '../../services/outreach-send.service.js';
import type { CommandContext } from '../command-runtime.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printLine } from '../output.js';

/**
 * `tend compose --send WORKSHEET [--yes]` (docs/rules/segments.md#send): without --yes, who would get which
 * message; with it, the messages go out, and a failure stops the run: who was sent, who not (exit 2).
 */
export async function sendComposed(
  context: CommandContext,
  worksheetOrBatch: string,
  confirm: boolean,
): Promise<number> {
  const app = await context.app();
  const batch = app.outreachSend.batchOf(worksheetOrBatch);
  const report = await app.outreachSend.send(batch, { confirm });
  const code = report.failure ? EXIT.badInput : EXIT.ok;
  if (context.config.json) {
    printJson(context.io, report);
    return code;
  }
  printReport(context, report);
  return code;
}

function printReport(context: CommandContext, report: SendReport): void {
  const { io } = context;
  const list = (entries: SendReport['sent']) => {
    for (const entry of entries) printLine(io, `  ${entry.name} <${entry.email}>: ${entry.subject}`);
  };
  if (report.alreadySent > 0)
    printLine(io, `${report.alreadySent} of batch ${report.batch} were sent before.`);
  if (report.dryRun) {
    if (report.notSent.length === 0) {
      printLine(io, `Nothing left to send in batch ${report.batch}.`);
      return;
    }
    printLine(io, `Would send ${report.notSent.length} messages (dry run, nothing sent):`);
    list(report.notSent);
    printLine(
      io,
      `To send them: tend compose --send ${report.batch} --yes (password from ${SMTP_PASSWORD_VARIABLE} or smtp-password-file).`,
    );
    return;
  }
  printLine(io, `Sent ${report.sent.length}:`);
  list(report.sent);
  if (report.failure) {
    printLine(io, `Stopped: ${report.failure}`);
    printLine(io, `Not sent (${report.notSent.length}); the same command sends only these:`);
    list(report.notSent);
  }
}
