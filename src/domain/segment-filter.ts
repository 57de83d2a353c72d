import { addMonths } from './date-input.js';
import type { CompareOp, DateValue, SegmentNode } from './segment-query.js';
import { addDays, startOfLocalDate, toLocalDate } from './time.js';
import { foldText, foldedWords } from './text-normalization.js';

/**
 * A segment query made ready to run (docs/rules/segments.md#meaning): texts folded, dates turned into
 * instants in the data folder's zone as of `now`. The store runs the atoms it can (`StoredAtom`); the
 * relationship engine decides strength, band and last contact (`EngineAtom`).
 */
export type StoredAtom =
  /** Substring of name, e-mails, profile URLs, company, position; or word-prefix phrase of the document body. */
  | { kind: 'text'; substring: string; words: string }
  | { kind: 'field'; field: 'company' | 'title' | 'location' | 'how-met' | 'needs' | 'offers'; value: string }
  | { kind: 'tag'; value: string }
  | { kind: 'circle'; value: string }
  | { kind: 'source'; value: string }
  /** Instants in [from, to): a missing bound is open. */
  | { kind: 'connected'; from: number | null; to: number | null };

export type EngineAtom =
  | { kind: 'strength'; op: CompareOp; value: number }
  | { kind: 'band'; value: string }
  | { kind: 'last'; from: number | null; to: number | null };

export type PersonFilter =
  | StoredAtom
  | EngineAtom
  | { kind: 'not'; node: PersonFilter }
  | { kind: 'and'; nodes: PersonFilter[] }
  | { kind: 'or'; nodes: PersonFilter[] };

export function isEngineAtom(filter: PersonFilter): filter is EngineAtom {
  return filter.kind === 'strength' || filter.kind === 'band' || filter.kind === 'last';
}

export function usesEngine(filter: PersonFilter): boolean {
  if (isEngineAtom(filter)) return true;
  if (filter.kind === 'not') return usesEngine(filter.node);
  if (filter.kind === 'and' || filter.kind === 'or') return filter.nodes.some(usesEngine);
  return false;
}

/** The calendar days a date value names: a day, a month, a year, or the day `age` before today. */
function daysOf(value: DateValue, today: string): { first: string; last: string } {
  if (value.kind === 'age') {
    const { amount, unit } = value;
    const day =
      unit === 'd'
        ? addDays(today, -amount)
        : unit === 'w'
          ? addDays(today, -7 * amount)
          : addMonths(today, unit === 'm' ? -amount : -12 * amount);
    return { first: day, last: day };
  }
  const [year, month, day] = value.text.split('-');
  if (day) return { first: value.text, last: value.text };
  if (month) {
    const first = `${year}-${month}-01`;
    return { first, last: addDays(addMonths(first, 1), -1) };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/**
 * `connected:>2024-01-01` after that day; `last:<90d` less than 90 days ago, so after the day 90 days before
 * today: an age compares the other way round from a date.
 */
export function dateBounds(
  op: CompareOp,
  value: DateValue,
  now: number,
  zone: string,
): { from: number | null; to: number | null } {
  const { first, last } = daysOf(value, toLocalDate(now, zone));
  const flipped: Record<CompareOp, CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
  const dayOp = value.kind === 'age' ? flipped[op] : op;
  const start = (day: string) => startOfLocalDate(day, zone);
  const after = (day: string) => start(addDays(day, 1));
  switch (dayOp) {
    case '>':
      return { from: after(last), to: null };
    case '>=':
      return { from: start(first), to: null };
    case '<':
      return { from: null, to: start(first) };
    case '<=':
      return { from: null, to: after(last) };
    case '=':
      return { from: start(first), to: after(last) };
  }
}

/** A parsed query with its saved segments already expanded (`@NAME` left over is a bug of the caller). */
export function toPersonFilter(node: SegmentNode, now: number, zone: string): PersonFilter {
  switch (node.kind) {
    case 'text':
      return { kind: 'text', substring: foldText(node.text.trim()), words: foldedWords(node.text) };
    case 'match':
      switch (node.field) {
        case 'tag':
          return { kind: 'tag', value: foldText(node.value.trim()) };
        case 'circle':
          return { kind: 'circle', value: node.value };
        case 'band':
          return { kind: 'band', value: node.value };
        case 'source':
          return { kind: 'source', value: node.value };
        default:
          return { kind: 'field', field: node.field, value: foldText(node.value) };
      }
    case 'strength':
      return { kind: 'strength', op: node.op, value: node.value };
    case 'date': {
      const bounds = dateBounds(node.op, node.value, now, zone);
      return node.field === 'connected' ? { kind: 'connected', ...bounds } : { kind: 'last', ...bounds };
    }
    case 'segment':
      throw new Error(`segment @${node.name} was not expanded`);
    case 'not':
      return { kind: 'not', node: toPersonFilter(node.node, now, zone) };
    case 'and':
    case 'or':
      return { kind: node.kind, nodes: node.nodes.map((child) => toPersonFilter(child, now, zone)) };
  }
}

export function compares(op: CompareOp, left: number, right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '=':
      return left === right;
  }
}
