// npm's `prepare`: builds dist/ wherever npm builds tend from its sources: `npm install` or `npm ci` in a clone,
// and `npm install -g .` or `npm pack` on a fresh clone, which run it before any devDependency is installed.
// The build needs the devDependencies (typescript, esbuild): when they are missing they are installed first, as
// npm itself does before it prepares a package installed from git. README.md#set-up-two-commands
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npmCli = process.env.npm_execpath;

function npm(args, env) {
  const options = { cwd: root, stdio: 'inherit', env };
  if (npmCli && /\.c?js$/.test(npmCli)) execFileSync(process.execPath, [npmCli, ...args], options);
  else execFileSync('npm', args, { ...options, shell: process.platform === 'win32' });
}

// The install below runs this script again (npm install runs the package's own prepare): only this run builds.
if (process.env.PREPARING_TEND_BUILD_TOOLS === '1') process.exit(0);

const buildTools = ['typescript', 'esbuild'];
if (!buildTools.every((name) => existsSync(join(root, 'node_modules', name, 'package.json')))) {
  // The settings of the install that called us (global, its prefix, omit=dev) are not for this one.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^npm_config_(global|location|prefix|omit|include|production|only|install_links)$/i.test(name),
    ),
  );
  process.stderr.write('tend: installing the build tools (devDependencies) to build dist/\n');
  npm(['install', '--include=dev', '--no-save', '--no-audit', '--no-fund'], {
    ...env,
    PREPARING_TEND_BUILD_TOOLS: '1',
  });
}
npm(['run', 'build'], process.env);
