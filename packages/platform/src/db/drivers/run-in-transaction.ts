/**
 * Shared transaction logic for a single-connection executor: BEGIN/COMMIT at depth 0, SAVEPOINTs
 * when nested, so repository functions can open their own transaction inside a caller's.
 */
import type { Db } from '../db.js';

/** Runs `fn(tx)` between BEGIN/COMMIT (depth 0) or SAVEPOINT/RELEASE (nested). */
export async function runInTransaction<T>(
  tx: Db,
  exec: (statement: string) => Promise<void>,
  depth: number,
  fn: (tx: Db) => Promise<T>,
): Promise<T> {
  const sp = `cl_sp_${depth}`;
  await exec(depth === 0 ? 'BEGIN' : `SAVEPOINT ${sp}`);
  try {
    const result = await fn(tx);
    await exec(depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${sp}`);
    return result;
  } catch (error) {
    try {
      await exec(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${sp}`);
    } catch {
      // The original error matters more than a failed rollback (e.g. lost connection).
    }
    throw error;
  }
}
