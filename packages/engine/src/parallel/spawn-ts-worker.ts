/**
 * Worker threads on TypeScript modules. Sources run through tsx (no build step): a small .mjs entry
 * loads the .ts module with tsx's `tsImport`, which works under vitest, `node --import tsx` and from
 * any working directory (Node 20 does not apply `--import tsx` from a worker's execArgv to its entry).
 * The worker module reads its input with `tsWorkerPayload()`.
 */
import { Worker, workerData } from 'node:worker_threads';

const ENTRY = new URL('./ts-worker-entry.mjs', import.meta.url);

/** A Worker running the TypeScript module at `moduleUrl` with `payload` as its input. */
export function spawnTsWorker(moduleUrl: URL, payload: unknown): Worker {
  return new Worker(ENTRY, { workerData: { module: moduleUrl.href, payload } });
}

/** Inside a worker started by `spawnTsWorker`: its input. */
export function tsWorkerPayload<T>(): T {
  return (workerData as { payload: T }).payload;
}

/** Runs a worker to its single result message; rejects on error or early exit. */
export function runTsWorker<T>(moduleUrl: URL, payload: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = spawnTsWorker(moduleUrl, payload);
    let done = false;
    worker.once('message', (msg: T) => {
      done = true;
      resolve(msg);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!done) reject(err);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`worker exited with code ${code} before answering`));
    });
  });
}
