// CPU seconds per thread of one command (Linux): on a machine shared with others' work, wall times of one
// build move by 2× between runs, while a thread's CPU time moves little — it shows which thread bounds an
// import and what a change took off it (docs/PERFORMANCE.md#issue-12-second-session).
//
//   node bench/thread-cpu.mjs COMMAND [ARGS…]
//
// Spawns the command (stdout ignored), reads /proc/PID/task/*/stat every 100 ms and prints the wall time, the
// four threads that used most CPU (MAIN: the process's first thread, tend's importing thread; the parser
// thread is the busiest other one) and the `tend --debug` step lines of its stderr.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node bench/thread-cpu.mjs COMMAND [ARGS…]');
  process.exit(2);
}
const CLOCK_TICKS = 100; // USER_HZ on Linux
const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (data) => (stderr += data));
/** The last reading of each thread (an ended thread keeps its last one). */
const threads = new Map();
function poll() {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // Fields 14 and 15 of stat (utime, stime), counted from the state field after the name.
      const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      threads.set(tid, { name: tid === String(child.pid) ? 'MAIN' : name, cpu });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}
const timer = setInterval(poll, 100);
const started = performance.now();
child.on('exit', (code) => {
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const busiest = [...threads.values()].sort((a, b) => b.cpu - a.cpu).slice(0, 4);
  const steps = stderr
    .split('\n')
    .filter((line) => /: (rows|indexes|commit): |relationship facts|Connections\.csv: \d/.test(line))
    .filter(
      (line) =>
        !/Connections\.csv: commit|(Profile|Invitations|Positions|Education|Recommendations_Received|Endorsement_Received_Info)\.csv/.test(
          line,
        ),
    )
    .map((line) => line.replace(/^tend: (\S+\/)?/, '').trim());
  console.log(
    `wall ${wall.toFixed(1)} s | CPU s ${busiest.map((t) => `${t.name} ${t.cpu.toFixed(1)}`).join(', ')} | ${steps.join('; ')}`,
  );
  process.exitCode = code ?? 1;
});
