import type { AgendaKind } from '../domain/agenda.js';
import type { CliIo } from './cli-io.js';

/**
 * Colour on a terminal only (docs/rules/cli.md#colour): never when stdout is piped or redirected, never with
 * `NO_COLOR` set to anything (https://no-color.org), never on a `dumb` terminal. Widths ignore the sequences
 * (text-width.ts), so wrapping and tables are the same with and without colour.
 */
export function colourOn(io: CliIo): boolean {
  const { NO_COLOR, TERM } = io.env;
  return io.stdout.isTTY === true && (NO_COLOR === undefined || NO_COLOR === '') && TERM !== 'dumb';
}

export type Paint = (text: string) => string;

const sgr =
  (open: string): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[0m`;

/** One colour a kind, so a glance down `today` tells replies from check-ins. */
const KIND_COLOURS: Record<AgendaKind, string> = {
  reply: '1;33',
  'follow-up': '1;36',
  'keep-in-touch': '1;32',
  revive: '1;35',
  'let-go': '1;90',
  triage: '1;34',
  introduce: '1;36',
};

export interface Palette {
  kind(kind: AgendaKind, text: string): string;
  /** A date already past: the item is late. */
  overdue: Paint;
  dim: Paint;
}

const plain: Palette = { kind: (_kind, text) => text, overdue: (text) => text, dim: (text) => text };

const coloured: Palette = {
  kind: (kind, text) => sgr(KIND_COLOURS[kind])(text),
  overdue: sgr('31'),
  dim: sgr('2'),
};

export function paletteFor(io: CliIo): Palette {
  return colourOn(io) ? coloured : plain;
}
