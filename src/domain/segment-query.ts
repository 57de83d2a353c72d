import { AppError } from './errors.js';

/**
 * The segment query language's tree (docs/rules/segments.md): what `tend people QUERY`, saved segments and
 * compose select people by. Parsed by segment-query.parser.ts, printed back by segment-query.printer.ts.
 */

/** Fields matched by text, folded like every search (substring, except tag/circle/band/source: whole value). */
export const TEXT_FIELDS = [
  'company',
  'title',
  'location',
  'tag',
  'circle',
  'band',
  'how-met',
  'needs',
  'offers',
  'source',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const DATE_FIELDS = ['connected', 'last'] as const;
export type DateField = (typeof DATE_FIELDS)[number];
export const SEGMENT_FIELDS = [...TEXT_FIELDS, 'strength', ...DATE_FIELDS] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export type CompareOp = '<' | '<=' | '>' | '>=' | '=';
export type AgeUnit = 'd' | 'w' | 'm' | 'y';

/** A calendar date or period (`2024`, `2024-03`, `2024-03-15`), or an age from today (`90d`, `2w`, `6m`, `1y`). */
export type DateValue = { kind: 'date'; text: string } | { kind: 'age'; amount: number; unit: AgeUnit };

export type SegmentNode =
  /** Free text: names, e-mails, profile URLs, companies, positions, notes and interaction summaries. */
  | { kind: 'text'; text: string }
  | { kind: 'match'; field: TextField; value: string }
  | { kind: 'strength'; op: CompareOp; value: number }
  | { kind: 'date'; field: DateField; op: CompareOp; value: DateValue }
  /** `@NAME`: a saved segment, expanded when the query runs. */
  | { kind: 'segment'; name: string }
  | { kind: 'not'; node: SegmentNode }
  | { kind: 'and'; nodes: SegmentNode[] }
  | { kind: 'or'; nodes: SegmentNode[] };

/** A query that cannot be read: the 1-based column it went wrong at and what was expected there. */
export class SegmentQueryError extends AppError {
  readonly column: number;

  constructor(column: number, expected: string) {
    super('usage', `column ${column}: ${expected}`, { column });
    this.column = column;
  }
}

export const BANDS = ['strong', 'medium', 'weak', 'dormant', 'none'] as const;

/** Saved segment names: letters, digits, `-` and `_` (what `@NAME` can carry without quoting). */
export const SEGMENT_NAME = /^[\p{L}\p{N}_-]+$/u;

/** Every `@NAME` a query refers to, in order, once each. */
export function segmentReferences(node: SegmentNode | null): string[] {
  const names = new Set<string>();
  const visit = (current: SegmentNode): void => {
    if (current.kind === 'segment') names.add(current.name);
    else if (current.kind === 'not') visit(current.node);
    else if (current.kind === 'and' || current.kind === 'or') current.nodes.forEach(visit);
  };
  if (node) visit(node);
  return [...names];
}

/** Whether any part of the query needs the relationship engine (strength, band, last contact). */
export function needsRelationshipFacts(node: SegmentNode): boolean {
  switch (node.kind) {
    case 'strength':
      return true;
    case 'match':
      return node.field === 'band';
    case 'date':
      return node.field === 'last';
    case 'not':
      return needsRelationshipFacts(node.node);
    case 'and':
    case 'or':
      return node.nodes.some(needsRelationshipFacts);
    default:
      return false;
  }
}
