// Starts a TypeScript worker under tsx: the tests and `npm run dev` run the sources (`npm start` runs
// the build, whose workers are JavaScript). Node 20 does not apply `--import tsx` to a worker's entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
