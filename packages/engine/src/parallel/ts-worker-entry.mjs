// Worker-thread entry that loads a TypeScript module through tsx. Node 20 ignores `--import tsx` in a
// worker's execArgv for the worker's own entry module, but tsx's scoped `tsImport` works everywhere
// (under vitest, `node --import tsx`, any working directory).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
