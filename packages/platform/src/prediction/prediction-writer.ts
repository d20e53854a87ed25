/**
 * Group commit for stored predictions: concurrent requests hand their rows to one writer, which
 * inserts whatever has queued up in ONE statement per tenant (one transaction) while the previous
 * batch commits. Each caller's promise resolves only once its rows are committed, so nothing is
 * answered before it is stored — but a busy server pays one commit (fsync) per batch instead of
 * one per request. A failing batch is retried row group by row group, so one bad request cannot
 * fail the others.
 */
import type { Db } from '../db/db.js';
import { insertPredictions, type NewPrediction } from '../db/index.js';

export interface PredictionWriter {
  /** Resolves when the rows are committed. */
  write(tenantId: string, predictions: readonly NewPrediction[]): Promise<void>;
}

interface Pending {
  readonly tenantId: string;
  readonly predictions: readonly NewPrediction[];
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/** Creates a writer on `db`; `maxRows` bounds one batch (default 5,000). */
export function createPredictionWriter(db: Db, options: { maxRows?: number } = {}): PredictionWriter {
  const maxRows = options.maxRows ?? 5000;
  let queue: Pending[] = [];
  let running = false;

  /** One INSERT per tenant; a single tenant needs no explicit transaction (one round trip, not three). */
  async function insertGroup(items: readonly Pending[]): Promise<void> {
    const byTenant = new Map<string, NewPrediction[]>();
    for (const p of items) {
      const list = byTenant.get(p.tenantId) ?? [];
      list.push(...p.predictions);
      byTenant.set(p.tenantId, list);
    }
    if (byTenant.size === 1) {
      const [[tenantId, rows]] = byTenant;
      await insertPredictions(db, tenantId, rows);
      return;
    }
    await db.transaction(async (tx) => {
      for (const [tenantId, rows] of byTenant) await insertPredictions(tx, tenantId, rows);
    });
  }

  async function pump(): Promise<void> {
    running = true;
    // Let the requests of this event-loop turn join the first batch.
    await new Promise((r) => setImmediate(r));
    try {
      while (queue.length > 0) {
        let rows = 0;
        let n = 0;
        while (n < queue.length && (n === 0 || rows + queue[n].predictions.length <= maxRows)) {
          rows += queue[n].predictions.length;
          n++;
        }
        const batch = queue.slice(0, n);
        queue = queue.slice(n);
        try {
          await insertGroup(batch);
          for (const p of batch) p.resolve();
        } catch (e) {
          if (batch.length === 1) batch[0].reject(e);
          else {
            for (const p of batch) {
              await insertGroup([p]).then(p.resolve, p.reject);
            }
          }
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    write(tenantId, predictions) {
      if (predictions.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ tenantId, predictions, resolve, reject });
        if (!running) void pump();
      });
    },
  };
}
