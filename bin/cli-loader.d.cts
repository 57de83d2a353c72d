/** Types of bin/cli-loader.cjs (plain JavaScript, run before anything is compiled). */
export function loadBundle(file: string): unknown;
export function writeCodeCache(file: string): void;
export function codeCacheAccepted(file: string): boolean;
