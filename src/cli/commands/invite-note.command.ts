import type { Command } from 'commander';
import { draftPlaceholderIn } from '../../domain/invitation-note.js';
import { invitationNoteJson } from '../../services/invitation-note.service.js';
import { action, type Runtime } from '../command-runtime.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printLine } from '../output.js';

interface InviteNoteOptions {
  premium?: boolean;
  name?: string;
  company?: string;
  howMet?: string;
}

export function registerInviteNoteCommand(program: Command, runtime: Runtime): void {
  program
    .command('invite-note')
    .description(
      'draft the note for your own invitation, or check yours: within the limit, says why you write',
    )
    .argument(
      '<ref>',
      'the person: id, profile URL, e-mail or name (a profile URL may be someone not in tend yet)',
    )
    .argument('[text]', 'your note, to check instead of drafting one')
    .option('--premium', 'LinkedIn Premium: 300 characters instead of 200')
    .option('--name <name>', 'their name (needed for someone not in tend yet)')
    .option('--company <company>', 'where they work, if tend does not know')
    .option('--how-met <text>', 'how you know each other, for this note')
    .addHelpText(
      'after',
      '\nThe limit is 200 characters, 300 with --premium, or `tend config invitation-note-limit N`.\n' +
        'Exit 0 when the note can be sent (warnings are advice), 2 when it cannot: too long, empty, with the\n' +
        "draft's [bracketed] part not filled in, to someone already connected, within three weeks of a\n" +
        'withdrawn invitation, or over your weekly budget (linkedin-weekly-invitations).\n' +
        'tend drafts; you send.',
    )
    .action(
      action(runtime, async (context, ref: string, text: string | undefined, options: InviteNoteOptions) => {
        const app = await context.app();
        const result = await app.invitationNotes.prepare({ ref, text, ...options });
        const code = result.refused ? EXIT.badInput : EXIT.ok;
        if (context.config.json) {
          printJson(context.io, invitationNoteJson(result));
          return code;
        }
        const { io } = context;
        if (result.alreadyConnected) {
          for (const warning of result.warnings) printLine(io, warning);
          return code;
        }
        printLine(io, result.text);
        printLine(io);
        const over = result.length - result.limit;
        // A refused note (too long, empty, a withdrawn invitation's three weeks, over the weekly budget) is
        // not to be sent: the line says so instead of inviting the user to send it.
        // A draft with its placeholder is for the user to finish: said so, exit 2 until it is filled in.
        const verdict = draftPlaceholderIn(result.text)
          ? result.drafted
            ? ` · drafted for ${result.recipient.name} with a part for you to fill in: replace the [bracketed] text, then check it with tend invite-note ${/\s/.test(ref) ? `"${ref}"` : ref} "NOTE"`
            : ' · not to be sent yet: the [bracketed] part is for you to fill in'
          : result.refused
            ? ' · not to be sent now: see why below'
            : result.drafted
              ? ` · drafted for ${result.recipient.name}: edit it, then send it yourself`
              : '';
        printLine(
          io,
          `${result.length}/${result.limit} characters${over > 0 ? ` — ${over} over the limit` : ''}${verdict}`,
        );
        if (result.ok) printLine(io, 'Looks good: it fits, says why you write and greets them by name.');
        for (const warning of result.warnings) printLine(io, `  - ${warning}`);
        return code;
      }),
    );
}
