import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import type { IntroductionSuggestion } from '../../domain/introduction-matching.js';
import { action, type Runtime } from '../command-runtime.js';
import { printJson, printLine } from '../output.js';
import { displayWidth, outputWidth, wrapText } from '../text-width.js';

const DEFAULT_LIMIT = 20;

function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(limit) || limit < 1)
    throw new AppError('usage', '--limit must be a whole number above 0');
  return limit;
}

export function suggestionJson(suggestion: IntroductionSuggestion) {
  return { a: suggestion.a, b: suggestion.b, score: suggestion.score, reasons: suggestion.reasons };
}

export function registerIntrosCommand(program: Command, runtime: Runtime): void {
  program
    .command('intros')
    .description('introduction suggestions: people you know well whose needs and offers, goals or roles fit')
    .option('--limit <n>', `at most this many (default ${DEFAULT_LIMIT})`)
    .addHelpText(
      'after',
      "\nOnly through strong or medium ties: you can't introduce someone you don't know. Start one with: tend intro start A B",
    )
    .action(
      action(runtime, async (context, options: { limit?: string }) => {
        const limit = parseLimit(options.limit);
        const app = await context.app();
        const suggestions = (await app.introductions.suggest(context.config.now)).slice(0, limit);
        if (context.config.json) {
          printJson(context.io, suggestions.map(suggestionJson));
          return;
        }
        const width = outputWidth(context.io);
        const say = (text: string, first = '', rest = `${first}  `) => {
          for (const line of wrapText(text, width, first, rest)) printLine(context.io, line);
        };
        if (suggestions.length === 0) {
          say(
            'No introductions to suggest: add what people need and offer with tend set REF --needs … --offers …',
          );
          return;
        }
        for (const suggestion of suggestions) {
          const heading = `${suggestion.score}  ${suggestion.a.name} ↔ ${suggestion.b.name}   (tend intro start ${suggestion.a.id} ${suggestion.b.id})`;
          if (displayWidth(heading) <= width) printLine(context.io, heading);
          else say(heading);
          for (const reason of suggestion.reasons) say(`- ${reason}`, '  ', '    ');
          printLine(context.io);
        }
      }),
    );
}
