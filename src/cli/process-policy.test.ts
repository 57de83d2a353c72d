import { describe, expect, it } from 'vitest';
import { run } from './main.js';
import { tempDataDir } from '../../test/support/cli-harness.js';

const quietIo = {
  stdout: { write: () => true },
  stderr: { write: () => true, isTTY: false },
  env: { TEND_DATA: undefined, TEND_DATABASE_URL: undefined, TEND_NOW: undefined },
};

async function asksForAnsweringPolicy(argv: string[]): Promise<number> {
  let asked = 0;
  await run(argv, quietIo, { answering: () => asked++ });
  return asked;
}

describe('the heap policy of a command that answers (docs/PERFORMANCE.md#young-generation)', () => {
  it('is asked for before a reading command, a subcommand included, and never before an import', async () => {
    const data = tempDataDir();
    expect(await asksForAnsweringPolicy(['--data', data, 'people', '--json'])).toBe(1);
    expect(await asksForAnsweringPolicy(['--data', data, 'intro', 'list'])).toBe(1);
    expect(await asksForAnsweringPolicy(['--data', data, 'import', `${data}/missing.csv`])).toBe(0);
    expect(await asksForAnsweringPolicy(['--data', data, 'backup', `${data}/copy.tar`])).toBe(0);
    expect(await asksForAnsweringPolicy(['--version'])).toBe(0);
  });
});
