import { AppError } from '../domain/errors.js';

/**
 * The words of a segment query on the command line (commands that allow unknown options, so that "-tag:x" is a
 * negated term): a word starting with "--" is still an option tend does not know.
 */
export function queryOfWords(words: readonly string[]): string | null {
  const option = words.find((word) => word.startsWith('--'));
  if (option)
    throw new AppError('usage', `unknown option '${option}' (a negated term has one '-': -tag:alumni)`);
  return words.join(' ').trim() || null;
}
