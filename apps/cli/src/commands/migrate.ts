import { migrate } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';

/** `cohortlens migrate`: applies pending migrations to the configured database. */
export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Apply pending database migrations and print what was applied',
  description:
    'Brings the schema of the configured database up to date: DATABASE_URL (PostgreSQL) when set, otherwise ' +
    'the embedded database in database.data_dir. Safe to run repeatedly and from several processes at once.',
  examples: [
    { command: 'cohortlens migrate', explanation: 'migrate the embedded database (.cohortlens/data)' },
    {
      command: 'DATABASE_URL=postgres://user@host/db cohortlens migrate --json',
      explanation: 'a PostgreSQL server',
    },
  ],
  run: async ({ deps }) => {
    // Opened without migrate-on-start, so this call reports what it applied.
    const result = await migrate(await deps.db({ migrate: false }));
    const applied =
      result.applied.length === 0
        ? 'Schema up to date; nothing to apply.'
        : `Applied ${result.applied.join(', ')}.`;
    return { data: result, human: applied };
  },
});
