// A benchmark's child process measured by /usr/bin/time: wall and CPU seconds and peak RSS, not the
// benchmark's own clock (the machine is shared: CPU seconds compare across loads better than wall time).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs `command ARGV…` under /usr/bin/time, its figures written to `timeFile`: wall seconds, CPU seconds,
 * peak RSS in KB, exit status and output. `options` go to spawnSync.
 */
export function timed(command, argv, timeFile, options = {}) {
  const result = spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%e %M %U %S', command, ...argv], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
  });
  const [seconds, rssKb, user, system] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .at(-1)
    .split(' ')
    .map(Number);
  return {
    seconds,
    cpuSeconds: user + system,
    rssKb,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Runs `node ARGV…` under /usr/bin/time: wall seconds, peak RSS in KB, CPU seconds, output. */
export function measure(argv, outDir, { label = 'bench', okStatuses = [0] } = {}) {
  const run = timed(process.execPath, argv, join(outDir, `${label}-time.txt`));
  if (!okStatuses.includes(run.status))
    throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr}`);
  return { seconds: run.seconds, rssKb: run.rssKb, cpuSeconds: run.cpuSeconds, stdout: run.stdout };
}
