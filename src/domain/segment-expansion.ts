import { AppError } from './errors.js';
import { parseSegmentQuery } from './segment-query.parser.js';
import type { SegmentNode } from './segment-query.js';

/**
 * `@NAME` replaced by the saved segment's query, recursively (docs/rules/segments.md#saved): an unknown name
 * is not found; a segment that reaches itself is refused with the chain that does it.
 */
export function expandSegmentReferences(
  node: SegmentNode,
  savedQuery: (name: string) => string | undefined,
): SegmentNode {
  const expand = (current: SegmentNode, chain: readonly string[]): SegmentNode => {
    switch (current.kind) {
      case 'segment': {
        if (chain.includes(current.name))
          throw new AppError(
            'usage',
            `segment @${current.name} refers to itself (${[...chain, current.name].map((name) => `@${name}`).join(' → ')}): change one of them`,
          );
        const query = savedQuery(current.name);
        if (query === undefined)
          throw new AppError(
            'not-found',
            `no saved segment @${current.name}: see tend segment list (to search for the text, quote it: "@${current.name}")`,
          );
        const parsed = parseSegmentQuery(query);
        // An empty saved query means everyone: an empty "and" keeps that meaning inside a larger query.
        return parsed === null ? { kind: 'and', nodes: [] } : expand(parsed, [...chain, current.name]);
      }
      case 'not':
        return { kind: 'not', node: expand(current.node, chain) };
      case 'and':
      case 'or':
        return { kind: current.kind, nodes: current.nodes.map((child) => expand(child, chain)) };
      default:
        return current;
    }
  };
  return expand(node, []);
}
