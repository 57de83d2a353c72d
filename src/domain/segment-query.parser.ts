import {
  BANDS,
  SEGMENT_FIELDS,
  SEGMENT_NAME,
  SegmentQueryError,
  type AgeUnit,
  type CompareOp,
  type DateField,
  type SegmentField,
  type SegmentNode,
} from './segment-query.js';
import { CIRCLES } from './person.js';

/**
 * The segment query language (docs/rules/segments.md#syntax):
 *
 *   query   = or
 *   or      = and { "OR" and }
 *   and     = unary { unary }            adjacent plain words form one text, as `tend people` always read them
 *   unary   = "-" unary | primary
 *   primary = "(" or ")" | FIELD ":" value | "@" NAME | '"' phrase '"' | word
 *   value   = '"' phrase '"' | "(" vor ")" | bare        inside a value group: OR, -, parentheses, one leaf per word
 *
 * Errors carry the 1-based column where reading failed and what was expected there.
 */

const OPERATOR = /^(<=|>=|<|>|=)?/;
const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const AGE_VALUE = /^(\d{1,5})([dwmy])$/;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

/** A word ends at white space or a parenthesis. */
function isWordEnd(char: string | undefined): boolean {
  return char === undefined || char === '(' || char === ')' || isSpace(char);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function combine(kind: 'and' | 'or', nodes: SegmentNode[]): SegmentNode {
  const flat = nodes.flatMap((node) => (node.kind === kind ? node.nodes : [node]));
  return flat.length === 1 && flat[0] ? flat[0] : { kind, nodes: flat };
}

class Parser {
  private index = 0;

  constructor(private readonly text: string) {}

  private fail(index: number, expected: string): never {
    throw new SegmentQueryError(index + 1, expected);
  }

  private skipSpace(): void {
    while (isSpace(this.text[this.index])) this.index++;
  }

  private atEnd(): boolean {
    this.skipSpace();
    return this.index >= this.text.length;
  }

  private atOr(): boolean {
    this.skipSpace();
    return this.text.startsWith('OR', this.index) && isWordEnd(this.text[this.index + 2]);
  }

  parseQuery(): SegmentNode | null {
    if (this.atEnd()) return null;
    const node = this.parseOr(false);
    if (!this.atEnd()) this.fail(this.index, "unexpected ')': no '(' before it");
    return node;
  }

  private parseOr(inGroup: boolean): SegmentNode {
    const nodes = [this.parseAnd(inGroup)];
    while (this.atOr()) {
      this.index += 2;
      nodes.push(this.parseAnd(inGroup));
    }
    return combine('or', nodes);
  }

  private parseAnd(inGroup: boolean): SegmentNode {
    const nodes: SegmentNode[] = [];
    let words: string[] = [];
    const flushWords = () => {
      if (words.length > 0) nodes.push({ kind: 'text', text: words.join(' ') });
      words = [];
    };
    for (;;) {
      if (this.atEnd() || this.text[this.index] === ')' || this.atOr()) break;
      const word = this.plainWord();
      if (word !== null) {
        words.push(word);
        continue;
      }
      flushWords();
      nodes.push(this.parseUnary());
    }
    flushWords();
    if (nodes.length === 0) {
      const here = this.text[this.index];
      this.fail(
        this.index,
        here === undefined
          ? inGroup
            ? "expected a term before the end (the query stops inside '(')"
            : 'expected a term after OR'
          : here === ')'
            ? inGroup
              ? "expected a term before ')'"
              : "unexpected ')': no '(' before it"
            : 'expected a term before OR',
      );
    }
    return combine('and', nodes);
  }

  /** A plain word (free text) at the cursor, consumed; null when the next term is anything else. */
  private plainWord(): string | null {
    const start = this.index;
    const first = this.text[start];
    if (first === '(' || first === '"') return null;
    let end = start;
    while (!isWordEnd(this.text[end])) end++;
    const word = this.text.slice(start, end);
    // A lone "-" is a word ("Smith - Jones"); "-x" and "-(…)" negate.
    if (first === '-' && (word.length > 1 || this.text[end] === '(')) return null;
    if (first === '@' && SEGMENT_NAME.test(word.slice(1))) return null;
    if (this.fieldAt(start) !== null) return null;
    this.index = end;
    return word;
  }

  /** The field named at `index` (`company:`), or null when the word is no field; unknown names fail. */
  private fieldAt(index: number): { field: SegmentField; valueAt: number } | null {
    const match = /^([A-Za-z][A-Za-z-]*):/.exec(this.text.slice(index, index + 40));
    if (!match?.[1]) return null;
    const name = match[1].toLowerCase();
    const valueAt = index + match[0].length;
    if ((SEGMENT_FIELDS as readonly string[]).includes(name)) return { field: name as SegmentField, valueAt };
    // Addresses and times are text: "https://…", "mailto:…", "10:30" never reach here (a letter first).
    if (this.text.startsWith('//', valueAt) || name === 'mailto') return null;
    this.fail(
      index,
      `unknown field '${match[1]}': use one of ${SEGMENT_FIELDS.map((field) => `${field}:`).join(' ')} (or quote the text to search for it)`,
    );
  }

  private parseUnary(): SegmentNode {
    this.skipSpace();
    if (this.text[this.index] === '-') {
      // A lone "-" is a plain word; "--" ends in one ("---)").
      const at = this.index;
      this.index++;
      if (isWordEnd(this.text[this.index]) && this.text[this.index] !== '(')
        this.fail(at, "expected a term right after '-'");
      return { kind: 'not', node: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): SegmentNode {
    const start = this.index;
    const char = this.text[start];
    if (char === '(') {
      this.index++;
      const node = this.parseOr(true);
      this.expectClose(start);
      return node;
    }
    if (char === '"') return { kind: 'text', text: this.quoted() };
    let end = start;
    while (!isWordEnd(this.text[end])) end++;
    const word = this.text.slice(start, end);
    if (char === '@' && SEGMENT_NAME.test(word.slice(1))) {
      this.index = end;
      return { kind: 'segment', name: word.slice(1) };
    }
    const field = this.fieldAt(start);
    if (field === null) {
      // A word after "-": one word is negated ("-acme corp" keeps "corp").
      this.index = end;
      return { kind: 'text', text: word };
    }
    this.index = field.valueAt;
    return this.parseValue(field.field, start);
  }

  private expectClose(openAt: number): void {
    this.skipSpace();
    if (this.text[this.index] !== ')') this.fail(openAt, "expected ')' to close this '('");
    this.index++;
  }

  /** A quoted phrase at the cursor, `\"` and `\\` escaped; the cursor moves past its closing quote. */
  private quoted(): string {
    const start = this.index;
    let value = '';
    let at = start + 1;
    for (;;) {
      const char = this.text[at];
      if (char === undefined) this.fail(start, "expected '\"' to close this quote");
      if (char === '"') break;
      if (char === '\\' && (this.text[at + 1] === '"' || this.text[at + 1] === '\\')) {
        value += this.text[at + 1];
        at += 2;
        continue;
      }
      value += char;
      at++;
    }
    this.index = at + 1;
    if (value.trim().length === 0) this.fail(start, 'expected some text between the quotes');
    return value;
  }

  private parseValue(field: SegmentField, fieldAt: number): SegmentNode {
    const char = this.text[this.index];
    if (char === '(') {
      const openAt = this.index;
      this.index++;
      const node = this.parseValueOr(field);
      this.expectClose(openAt);
      return node;
    }
    return this.valueLeaf(field, fieldAt);
  }

  private parseValueOr(field: SegmentField): SegmentNode {
    const nodes = [this.parseValueAnd(field)];
    while (this.atOr()) {
      this.index += 2;
      nodes.push(this.parseValueAnd(field));
    }
    return combine('or', nodes);
  }

  private parseValueAnd(field: SegmentField): SegmentNode {
    const nodes: SegmentNode[] = [];
    while (!this.atEnd() && this.text[this.index] !== ')' && !this.atOr())
      nodes.push(this.parseValueUnary(field));
    if (nodes.length === 0)
      this.fail(
        this.index,
        this.text[this.index] === ')' ? `expected a ${field} value before ')'` : `expected a ${field} value`,
      );
    return combine('and', nodes);
  }

  private parseValueUnary(field: SegmentField): SegmentNode {
    const char = this.text[this.index];
    if (char === '-' && !isWordEnd(this.text[this.index + 1])) {
      this.index++;
      return { kind: 'not', node: this.parseValueUnary(field) };
    }
    if (char === '(') {
      const openAt = this.index;
      this.index++;
      const node = this.parseValueOr(field);
      this.expectClose(openAt);
      return node;
    }
    return this.valueLeaf(field, this.index);
  }

  private valueLeaf(field: SegmentField, fieldAt: number): SegmentNode {
    const start = this.index;
    let value: string;
    if (this.text[start] === '"') value = this.quoted();
    else {
      let end = start;
      while (!isWordEnd(this.text[end]) && this.text[end] !== '"') end++;
      if (end === start)
        this.fail(start, `expected a value after '${this.text.slice(fieldAt, start) || `${field}:`}'`);
      value = this.text.slice(start, end);
      this.index = end;
    }
    return this.leafOf(field, value.trim(), start);
  }

  private leafOf(field: SegmentField, value: string, at: number): SegmentNode {
    if (field === 'strength') {
      const op = (OPERATOR.exec(value)?.[0] || '=') as CompareOp;
      const number = value.slice(OPERATOR.exec(value)?.[0].length ?? 0);
      if (!/^\d{1,3}$/.test(number) || Number(number) > 100)
        this.fail(at, 'expected a strength 0–100, after <, <=, >, >= or = if you like (strength:<40)');
      return { kind: 'strength', op, value: Number(number) };
    }
    if (field === 'connected' || field === 'last') return this.dateLeaf(field, value, at);
    const folded = value.toLowerCase();
    if (field === 'circle' && !(CIRCLES as readonly string[]).includes(folded))
      this.fail(at, `expected a circle: ${CIRCLES.join(', ')}`);
    if (field === 'band' && !(BANDS as readonly string[]).includes(folded))
      this.fail(at, `expected a band: ${BANDS.join(', ')}`);
    const kept = field === 'circle' || field === 'band' || field === 'source' ? folded : value;
    return { kind: 'match', field: field, value: kept };
  }

  private dateLeaf(field: DateField, value: string, at: number): SegmentNode {
    const operator = OPERATOR.exec(value)?.[0] ?? '';
    const op = (operator || '=') as CompareOp;
    const rest = value.slice(operator.length).toLowerCase();
    const age = AGE_VALUE.exec(rest);
    if (age)
      return {
        kind: 'date',
        field,
        op,
        value: { kind: 'age', amount: Number(age[1]), unit: age[2] as AgeUnit },
      };
    const date = DATE_VALUE.exec(rest);
    const [year, month, day] = [Number(date?.[1]), Number(date?.[2] ?? 1), Number(date?.[3] ?? 1)];
    if (!date || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
      this.fail(
        at,
        `expected a date (2024-01-31, 2024-01 or 2024) or an age (90d, 6w, 3m, 1y), after <, <=, >, >= or = if you like (${field}:>2024-01-01)`,
      );
    return { kind: 'date', field, op, value: { kind: 'date', text: rest } };
  }
}

/** The query's tree, or null for an empty query (everyone); a malformed query throws SegmentQueryError. */
export function parseSegmentQuery(text: string): SegmentNode | null {
  return new Parser(text).parseQuery();
}
