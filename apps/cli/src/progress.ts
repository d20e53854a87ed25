import type { CliIo } from './cli-command.js';

export interface Progress {
  update(count: number): void;
  /** Replaces the counter with a final status line (e.g. "merging…"). */
  status(text: string): void;
  done(): void;
}

const INTERVAL_MS = 500;

/**
 * A one-line "N rows, R rows/s" indicator on stderr — only when stderr is a terminal and the
 * output is not --json, so pipes, logs and JSON consumers never see it.
 */
export function createProgress(io: CliIo, unit: string): Progress {
  if (!io.stderrIsTty || io.json)
    return { update: () => undefined, status: () => undefined, done: () => undefined };
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(count) {
      const now = performance.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      shown = true;
      const rate = count / ((now - started) / 1000);
      io.stderr.write(
        `\r${count.toLocaleString('en-US')} ${unit}, ${Math.round(rate).toLocaleString('en-US')} ${unit}/s   `,
      );
    },
    status(text) {
      shown = true;
      io.stderr.write(`\r${text}${' '.repeat(20)}`);
    },
    done() {
      if (shown) io.stderr.write('\n');
      shown = false;
    },
  };
}
