// Starts a TypeScript child process under tsx: the tests and `npm run dev` run the sources (`npm start`
// runs the build, whose report process is JavaScript). `node bot/tsx-worker.mjs <entry URL>`: tsx is
// resolved from here, whatever the working directory.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
