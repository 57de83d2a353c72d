import { createHash } from 'node:crypto';

/**
 * Source keys and text hashes are stored as integers. JavaScript numbers carry 53 bits exactly, so the hash
 * is the first 53 bits of SHA-1: at a million records per workspace the chance of any collision is ~6e-5.
 */
export function hash53(...parts: ReadonlyArray<string | number>): number {
  const digest = createHash('sha1').update(parts.join('\u001f')).digest();
  const high = digest.readUInt32BE(0) & 0x1fffff; // 21 bits
  const low = digest.readUInt32BE(4); // 32 bits
  return high * 0x1_0000_0000 + low;
}
