// Seeded randomness for the export generator. Every file (and every conversation) draws from its own
// stream derived from the seed and a label, so the output is byte-identical for the same size and seed,
// and changing how one file is generated does not reshuffle the others.

/** FNV-1a over the label, mixed with the seed: a 32-bit seed for one stream. */
function streamSeed(seed, label) {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < label.length; index++) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: small, fast and good enough for synthetic data (not for anything secret). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random stream with the helpers the generator needs. */
export function createRandom(seed, label) {
  const next = mulberry32(streamSeed(seed, label));
  const random = {
    next,
    /** Integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** Picks by weight: `choices` is a list of [value, weight]. */
    weighted: (choices) => {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1][0];
    },
    /** Fisher–Yates, in place. */
    shuffle: (items) => {
      for (let index = items.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [items[index], items[other]] = [items[other], items[index]];
      }
      return items;
    },
    hex: (length) => {
      let text = '';
      for (let index = 0; index < length; index++) text += Math.floor(next() * 16).toString(16);
      return text;
    },
    /**
     * A fraction of a time span, denser towards 1 (recent): a linear ramp mixed with a uniform floor, so
     * older years still have some activity, as a real account that grew over time.
     */
    recentFraction: (uniformShare = 0.3) => (next() < uniformShare ? next() : Math.sqrt(next())),
  };
  return random;
}
