/** Types of bin/cli-loader.mjs (plain JavaScript, run before anything is compiled). */
export function loadBundle(file: string): unknown;
export function writeCodeCache(file: string): void;
export function codeCacheAccepted(file: string): boolean;
