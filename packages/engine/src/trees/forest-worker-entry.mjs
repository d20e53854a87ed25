// Plain-JS entry of the forest worker. Node 20 does not apply `--import tsx` from a Worker's
// execArgv to the worker's entry module, so the entry registers tsx itself, then loads the
// TypeScript worker (whose `.js` imports tsx maps to the `.ts` sources).
import { register } from 'tsx/esm/api';

register();
await import('./forest-worker.ts');
