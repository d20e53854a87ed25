/**
 * Starts a worker thread on a TypeScript module. Sources run through tsx (no build step), so the
 * worker gets tsx's loader by absolute URL: it works under vitest, `node --import tsx` and from any
 * working directory.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

let tsxLoader: string | undefined;

function tsxLoaderUrl(): string {
  if (tsxLoader === undefined) {
    tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  }
  return tsxLoader;
}

/** A Worker running `moduleUrl` (a .ts file URL) with `workerData`. */
export function spawnTsWorker(moduleUrl: URL, workerData: unknown): Worker {
  return new Worker(moduleUrl, { execArgv: ['--import', tsxLoaderUrl()], workerData });
}

/** Runs a worker to its single result message; rejects on error or early exit. */
export function runTsWorker<T>(moduleUrl: URL, workerData: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = spawnTsWorker(moduleUrl, workerData);
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
