import { realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../config.js';

/**
 * How the user runs this copy of tend, for the commands tend suggests: `tend` when the `tend` on their PATH is
 * this copy (installed with npm install -g, or linked), else the path of its bin/tend (`./bin/tend` in the
 * clone). This file sits two folders below the package root, as the bundle dist/bundle/main.cjs does.
 */
export function tendCommand(env: Env, cwd: string = process.cwd()): string {
  const bin = fileURLToPath(new URL('../../bin/tend', import.meta.url));
  const real = realPath(bin);
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder && real !== null && realPath(join(folder, 'tend')) === real) return 'tend';
  }
  const path = relative(cwd, bin);
  return path.startsWith('..') || isAbsolute(path) ? bin : `./${path}`;
}

function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}
