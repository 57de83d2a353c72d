import { SEGMENT_FIELDS, SEGMENT_NAME, type DateValue, type SegmentNode } from './segment-query.js';

/**
 * A segment query written back as text that parses to the same tree (a property test holds it to that):
 * what `tend segment list` shows and what the web UI puts back in the search box.
 */

function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** A word the parser reads back as plain text, alone. */
function isPlainWord(word: string): boolean {
  if (word.length === 0 || /[\s()"]/u.test(word) || word === 'OR') return false;
  if (word.startsWith('-') && word.length > 1) return false;
  if (word.startsWith('@') && SEGMENT_NAME.test(word.slice(1))) return false;
  const field = /^([A-Za-z][A-Za-z-]*):/.exec(word);
  if (!field?.[1]) return true;
  // Known fields are read as fields and unknown ones refused, except addresses ("https://…", "mailto:…").
  const name = field[1].toLowerCase();
  if ((SEGMENT_FIELDS as readonly string[]).includes(name)) return false;
  return word.slice(field[0].length).startsWith('//') || name === 'mailto';
}

/** Free text: bare when its words read back as one text (single spaces, each word plain), else quoted. */
function printText(text: string, severalWords: boolean): string {
  const words = text.split(' ');
  // After "-", a lone "-" would read as a second negation.
  const bare = words.every(isPlainWord) && (severalWords || (words.length === 1 && text !== '-'));
  return bare ? text : quote(text);
}

function printValue(value: string): string {
  return value.length > 0 && !/[\s()"]/u.test(value) && value.trim() === value ? value : quote(value);
}

function printDate(value: DateValue): string {
  return value.kind === 'date' ? value.text : `${value.amount}${value.unit}`;
}

function printNode(node: SegmentNode, severalWords: boolean): string {
  switch (node.kind) {
    case 'text':
      return printText(node.text, severalWords);
    case 'match':
      return `${node.field}:${printValue(node.value)}`;
    case 'strength':
      return `strength:${node.op === '=' ? '' : node.op}${node.value}`;
    case 'date':
      return `${node.field}:${node.op === '=' ? '' : node.op}${printDate(node.value)}`;
    case 'segment':
      return `@${node.name}`;
    case 'not': {
      const inner = node.node;
      const grouped = inner.kind === 'and' || inner.kind === 'or';
      return `-${grouped ? `(${printNode(inner, true)})` : printNode(inner, false)}`;
    }
    case 'and': {
      // Two texts side by side would read back as one: a text right after a bare text is quoted.
      let previousBareText = false;
      return node.nodes
        .map((child) => {
          const printed =
            child.kind === 'or'
              ? `(${printNode(child, true)})`
              : child.kind === 'text' && previousBareText
                ? quote(child.text)
                : printNode(child, true);
          previousBareText = child.kind === 'text' && !printed.startsWith('"');
          return printed;
        })
        .join(' ');
    }
    case 'or':
      return node.nodes
        .map((child) => (child.kind === 'or' ? `(${printNode(child, true)})` : printNode(child, true)))
        .join(' OR ');
  }
}

/** The query as text; the empty query (everyone) prints as the empty string. */
export function printSegmentQuery(node: SegmentNode | null): string {
  return node === null ? '' : printNode(node, true);
}
