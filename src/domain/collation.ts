/**
 * Collators made when first used. The first collator a process makes loads ICU's collation data (5–10 ms,
 * most of the bundle's top level when made there): every command paid it at start, `--version` included
 * (docs/PERFORMANCE.md#collators).
 */
export function lazyCollator(
  locales?: string,
  options?: Intl.CollatorOptions,
): (a: string, b: string) => number {
  let compare: ((a: string, b: string) => number) | undefined;
  return (a, b) => (compare ??= new Intl.Collator(locales, options).compare)(a, b);
}
