import type { CliIo } from './cli-io.js';

/**
 * A one-line progress bar on stderr (share done, rows, rows/s, ETA), redrawn at most 10 times a second. Silent when
 * stderr is not a terminal or `--json` is on, so logs and pipes stay clean.
 */
export function createProgressBar(io: CliIo, enabled: boolean) {
  const active = enabled && io.stderr.isTTY === true;
  let currentFile = '';
  let startedAt = 0;
  let lastDraw = 0;
  let drawn = false;

  function clear(): void {
    if (drawn) io.stderr.write('\r\x1b[K');
    drawn = false;
  }

  return {
    /** `bytes` of a file; with `unit` 'people', people of a step that counts them (then there are no rows). */
    update(file: string, bytes: number, totalBytes: number, rows: number, unit?: 'people'): void {
      if (!active) return;
      const now = Date.now();
      if (file !== currentFile) {
        clear();
        currentFile = file;
        startedAt = now;
      }
      // Small files (and a few hundred people) finish before a bar would help.
      if (totalBytes < (unit ? 2_000 : 2_000_000) || now - lastDraw < 100) return;
      lastDraw = now;
      const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
      const seconds = Math.max(0.001, (now - startedAt) / 1000);
      const rate = bytes / seconds;
      const eta = rate > 0 ? Math.max(0, (totalBytes - bytes) / rate) : 0;
      const rowRate = Math.round(rows / seconds);
      const counted = unit ? `${bytes} of ${totalBytes} ${unit}` : `${rows} rows, ${rowRate} rows/s`;
      const width = 24;
      const filled = Math.round(share * width);
      const name = file.length > 30 ? `…${file.slice(-29)}` : file;
      io.stderr.write(
        `\r\x1b[K${name} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}% ${counted}, ETA ${Math.ceil(eta)}s`,
      );
      drawn = true;
    },
    done(): void {
      clear();
    },
  };
}
