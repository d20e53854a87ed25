import { importCustomers, parseColumnMap, type ImportCustomersResult } from '@cohortlens/platform';
import { join } from 'node:path';
import { defineCommand } from '../cli-command.js';
import { collect } from '../parse-options.js';
import { createProgress } from '../progress.js';
import { resolveTenant } from '../resolve-tenant.js';

interface ImportOptions {
  map: string[];
  rejects?: string;
}

/** `cohortlens import FILE`: imports customers from a CSV into a tenant (all or nothing). */
export const importCommand = defineCommand<ImportOptions>({
  name: 'import',
  summary: 'Import customers from a CSV file (all or nothing)',
  description:
    'Streams the CSV (comma, semicolon or tab; quoted fields; BOM; CRLF), maps headers to customer fields, cleans ' +
    'then validates every row, and upserts by customer id in one transaction: a failure or a kill writes nothing. ' +
    'Re-importing the same file changes nothing. Rules and reject reasons: docs/importing.md.',
  args: ['[file]'],
  examples: [
    {
      command: 'cohortlens import ../shared/data/Customers.csv',
      explanation: 'import into the default tenant',
    },
    {
      command: 'cohortlens import',
      explanation: 'import data.raw_path/data.raw_filename from the configuration (data/raw/Customers.csv)',
    },
    {
      command: "cohortlens import mall.csv --map 'Kunde=customer_id' --map 'Einkommen=annual_income_k'",
      explanation: 'map headers the importer does not recognise (income given in thousands)',
    },
    {
      command: 'cohortlens import big.csv --tenant acme --rejects rejects.csv --json',
      explanation: 'write every rejected cell to rejects.csv and print the result as JSON',
    },
  ],
  configure: (c) => {
    c.option(
      '--map <header=field>',
      "map a header to a field (repeatable): 'Source Header=field'",
      collect,
      [],
    ).option('--rejects <file>', 'write every reject to this CSV file (row,column,value,reason)');
  },
  run: async ({ args, options, deps, io }) => {
    const mapping = parseColumnMap(options.map);
    const db = await deps.db();
    const tenant = await resolveTenant(deps, options.tenant);
    const progress = createProgress(io, 'rows');
    try {
      const result = await importCustomers(
        { db, config: deps.config, clock: deps.clock },
        {
          tenantId: tenant.id,
          source: args[0] ?? join(deps.config.data.rawPath, deps.config.data.rawFilename),
          mapping,
          rejectsPath: options.rejects,
          onProgress: (p) =>
            p.phase === 'merging'
              ? progress.status(`${p.rowsRead.toLocaleString('en-US')} rows read; writing customers…`)
              : progress.update(p.rowsRead),
        },
      );
      progress.done();
      return { data: result, human: humanSummary(result, tenant.slug, options.rejects) };
    } finally {
      progress.done();
    }
  },
});

function humanSummary(r: ImportCustomersResult, tenant: string, rejectsPath: string | undefined): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `Imported into tenant "${tenant}" in ${(r.durationMs / 1000).toFixed(1)} s: ` +
      `${n(r.inserted)} inserted, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ${n(r.rejected)} rejected.`,
  ];
  if (r.rejects.length > 0) {
    lines.push('Rejects (row = data row, header not counted):');
    for (const x of r.rejects.slice(0, 10))
      lines.push(`  row ${x.row}  ${x.column} = "${x.value}"  ${x.reason}`);
    if (r.rejects.length > 10 || r.rejectsTruncated) {
      lines.push(
        rejectsPath ? `  … all rejects in ${rejectsPath}` : '  … use --rejects FILE to get them all',
      );
    } else if (rejectsPath) lines.push(`  (also written to ${rejectsPath})`);
  }
  return lines.join('\n');
}
