import { writeDemoCustomers } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import { parseIntegerOption } from '../parse-options.js';

interface DemoDataOptions {
  rows: number;
  seed: number;
  out: string;
}

/** `cohortlens demo-data`: writes synthetic customers as CSV; never touches the database. */
export const demoDataCommand = defineCommand<DemoDataOptions>({
  name: 'demo-data',
  summary: 'Write synthetic customers as a CSV file (original Customers.csv layout)',
  description:
    'Generates customers with planted segments and real-data messiness (blank categories, children, zero incomes, ' +
    'a few duplicate rows). Same seed, same file. Streams, so millions of rows are fine.',
  examples: [
    { command: 'cohortlens demo-data --rows 5000 --out data/demo.csv', explanation: '5,000 rows, seed 42' },
    {
      command: 'cohortlens demo-data --rows 1000000 --seed 7 --out big.csv --json',
      explanation: 'one million rows',
    },
  ],
  configure: (c) => {
    c.option('--rows <n>', 'number of customers', parseIntegerOption, 2000)
      .option('--seed <n>', 'random seed', parseIntegerOption, 42)
      .requiredOption('--out <file>', 'CSV file to write (parent directories are created)');
  },
  run: async ({ options, io }) => {
    const result = await writeDemoCustomers({
      rows: options.rows,
      seed: options.seed,
      out: options.out,
      onProgress:
        io.stderrIsTty && !io.json
          ? (n) => io.stderr.write(`\r${n.toLocaleString('en-US')} rows…`)
          : undefined,
    });
    if (io.stderrIsTty && !io.json && result.rows >= 100_000) io.stderr.write('\n');
    return {
      data: result,
      human: `Wrote ${result.rows.toLocaleString('en-US')} customers (seed ${result.seed}) to ${options.out} in ${(result.durationMs / 1000).toFixed(1)} s`,
    };
  },
});
