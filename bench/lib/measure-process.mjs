// A benchmark's child process measured by /usr/bin/time: wall and CPU seconds and peak RSS, not the
// benchmark's own clock (the machine is shared: CPU seconds compare across loads better than wall time).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `node ARGV…` under /usr/bin/time: wall seconds, peak RSS in KB, CPU seconds, output. */
export function measure(argv, outDir, { label = 'bench', okStatuses = [0] } = {}) {
  const timeFile = join(outDir, `${label}-time.txt`);
  const result = spawnSync(
    '/usr/bin/time',
    ['-o', timeFile, '-f', '%e %M %U %S', process.execPath, ...argv],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const [seconds, rssKb, user, system] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)
    .split(' ')
    .map(Number);
  if (!okStatuses.includes(result.status))
    throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { seconds, rssKb, cpuSeconds: user + system, stdout: result.stdout };
}
