/**
 * Counts how often each 53-bit key has been seen, for the occurrence index of exact repeats
 * (docs/rules/identity-and-imports.md#source-keys). A million keys in typed arrays (open addressing) cost 24
 * MB and no garbage; a Map of a million floating-point keys measured several times the memory and most of the
 * import's GC time.
 */
export class OccurrenceCounter {
  #keys: Float64Array;
  #counts: Uint32Array;
  #size = 0;

  constructor(capacity = 1 << 14) {
    this.#keys = new Float64Array(capacity);
    this.#counts = new Uint32Array(capacity);
  }

  /** How many times `key` was seen before this call; counts this one. */
  next(key: number): number {
    if (this.#size * 2 >= this.#keys.length) this.#grow();
    const slot = this.#find(this.#keys, key);
    const stored = key + 1; // 0 marks an empty slot; keys are below 2^53, so key + 1 is exact.
    if (this.#keys[slot] !== stored) {
      this.#keys[slot] = stored;
      this.#size++;
    }
    const count = this.#counts[slot] ?? 0;
    this.#counts[slot] = count + 1;
    return count;
  }

  #find(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    const stored = key + 1;
    // The low bits of a good hash are as good as any: the keys are cyrb53 hashes.
    let slot = ((key % 4294967296) ^ Math.floor(key / 4294967296)) & mask;
    for (;;) {
      const current = keys[slot] ?? 0;
      if (current === 0 || current === stored) return slot;
      slot = (slot + 1) & mask;
    }
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldCounts = this.#counts;
    this.#keys = new Float64Array(oldKeys.length * 2);
    this.#counts = new Uint32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      const stored = oldKeys[i] ?? 0;
      if (stored === 0) continue;
      const slot = this.#find(this.#keys, stored - 1);
      this.#keys[slot] = stored;
      this.#counts[slot] = oldCounts[i] ?? 0;
    }
  }
}
