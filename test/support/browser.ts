import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repositoryRoot } from './built-cli.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it): playwright's own download cannot work here. */
export const CHROMIUM = '/usr/bin/chromium';

export const chromiumInstalled = existsSync(CHROMIUM);

export const screenshots = join(repositoryRoot, 'test-results');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The built page (`dist/web`): `npm run build` makes it; a test run without it builds it once. */
export function ensureWebBuilt(): void {
  mkdirSync(screenshots, { recursive: true });
  if (existsSync(join(repositoryRoot, 'dist', 'web', 'index.html'))) return;
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: repositoryRoot, stdio: 'ignore' });
}
