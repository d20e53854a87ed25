/**
 * PGlite has no multi-process protection: two processes opening one data directory would corrupt
 * it. A sibling `<dataDir>.lock` file holding the owner's pid guards it; a lock whose process is
 * gone (crash, SIGKILL) is taken over.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../errors/app-error.js';

const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the lock or throws DB_LOCKED; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const file = `${resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(file, 'utf8').trim());
      } catch {
        // Vanished between the two calls: retry.
      }
      if (alive(owner)) {
        throw new AppError(
          'DB_LOCKED',
          'unavailable',
          `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process, or use ` +
            `DATABASE_URL (PostgreSQL) to share one database between processes. If no such process runs, ` +
            `delete ${file}.`,
          { details: { dataDir, pid: owner } },
        );
      }
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it first.
      }
    }
  }
  throw new AppError('DB_LOCKED', 'unavailable', `Could not lock ${dataDir}.`, { details: { dataDir } });
}
