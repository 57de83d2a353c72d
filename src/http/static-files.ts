import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The built web UI (`dist/web`, made by `npm run build`), found from this file's place: src/http/ in
 * development, dist/bundle/ when bundled.
 */
export function defaultWebRoot(from: string = import.meta.url): string | null {
  let folder = dirname(fileURLToPath(from));
  for (let up = 0; up < 5; up += 1) {
    if (existsSync(join(folder, 'package.json'))) {
      const root = join(folder, 'dist', 'web');
      return existsSync(join(root, 'index.html')) ? root : null;
    }
    folder = dirname(folder);
  }
  return null;
}

/**
 * Serves the UI's files. Hashed assets are cached for good; any other path is a page of the single-page
 * app and gets index.html. A path that leaves the folder is never read.
 */
export function serveWebFile(c: Context, webRoot: string | null) {
  if (!webRoot)
    return c.text(
      'The web UI is not built: run `npm run build` in the tend folder, then start tend serve again.',
      503,
    );
  let path: string;
  try {
    path = decodeURIComponent(c.req.path);
  } catch {
    return c.text('not found', 404);
  }
  const file = normalize(join(webRoot, path));
  const inside = file.startsWith(webRoot + sep);
  const asset = inside && extname(file) !== '' && existsSync(file);
  if (!asset && extname(path) !== '') return c.text('not found', 404);
  const served = asset ? file : join(webRoot, 'index.html');
  const type = TYPES[extname(served)] ?? 'application/octet-stream';
  c.header('Content-Type', type);
  c.header('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  return c.body(readFileSync(served));
}
