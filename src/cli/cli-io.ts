import type { Env } from '../config.js';

/** Where a command writes: injected so tests run the CLI in-process through `run(argv, io)`. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Env;
  /**
   * stdout without the terminal-safe filter below: for a file's bytes sent to a file or a pipe
   * (`tend export > people.vcf`), which must be exactly what `-o` writes (docs/rules/export.md#stdout).
   */
  rawStdout?: { write(text: string): unknown };
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Control characters a terminal would obey — ESC sequences that set the title or the clipboard, BEL, a CR
 * that overwrites a line — shown as U+FFFD instead. Kept: newline, tab, and tend's own sequences (colours,
 * and the progress bar's `CR ESC [K`). Imports already remove control characters from names and texts;
 * this is for anything else that reaches the screen (older data, file names). docs/RELIABILITY.md
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_FOR_TERMINAL = /\r\u001b\[K|\u001b\[[0-9;]*[mK]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Every alternative above starts with one of these characters: text without any (nearly all of it) is safe as
 * it is, found by one fast scan instead of the alternation's (an 870 KB `triage --json` took 22 ms).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export function terminalSafe(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(UNSAFE_FOR_TERMINAL, (match) => (match.length > 1 ? match : '\ufffd'));
}

/** The same io, writing only terminal-safe text. */
export function terminalSafeIo(io: CliIo): CliIo {
  const { stdout, stderr } = io;
  return {
    ...io,
    rawStdout: io.rawStdout ?? stdout,
    stdout: {
      write: (text: string) => stdout.write(terminalSafe(text)),
      get isTTY() {
        return stdout.isTTY;
      },
      get columns() {
        return stdout.columns;
      },
    },
    stderr: {
      write: (text: string) => stderr.write(terminalSafe(text)),
      get isTTY() {
        return stderr.isTTY;
      },
      get columns() {
        return stderr.columns;
      },
    },
  };
}
