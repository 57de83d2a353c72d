import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { action, type Runtime } from '../command-runtime.js';

export function registerCompletionCommand(program: Command, runtime: Runtime): void {
  program
    .command('completion')
    .description('print a shell completion script: source <(tend completion bash), or zsh, or fish')
    .argument('<shell>', SHELLS.join(' | '))
    .action(
      action(runtime, (context, shell: string) => {
        if (!(SHELLS as readonly string[]).includes(shell))
          throw new AppError('usage', `no completion for "${shell}": use ${SHELLS.join(', ')}`);
        context.io.stdout.write(completionScript(program, shell as Shell));
        return Promise.resolve();
      }),
    );
}
