// Builds what `npm start` runs: dist/main.js (the bot), dist/report-worker.js (the report thread) and
// dist/snapshot-check.js (the thread that checks the store's snapshot at start),
// compiled and bundled by esbuild, with shared code in chunks beside them. Bundled, the light
// dependencies are tree-shaken (date-fns alone is ~20 MB and half a second to import whole); the heavy
// ones used rarely — exceljs and docx (report files, in the worker), zca-js (the Zalo side) — stay in
// node_modules and are imported the first time they are needed. `npm start` runs this first (prestart).
//
// A build writes OUTDIR/build-stamp.json: every file it read (the sources and packages bundled, the
// files copied, this script, package-lock.json) with its size and modification time. The next run
// rebuilds only when one of them changed, or went, or an output is missing (`--force` always does):
// `npm start` on unchanged sources starts at once.
//
// Usage: node scripts/build.mjs [OUTDIR] [--force]        (default dist/)
import { copyFile, cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** The stamp of the last build in an output directory. */
export const STAMP = 'build-stamp.json';

/** Imported at their first use (dynamic import), never bundled. pg and node-pg-migrate: only with DATABASE_URL. */
export const LAZY = ['exceljs', 'docx', 'zca-js', 'pg', 'node-pg-migrate'];

/**
 * Code a dependency carries that the bot never runs, left out of the bundle: every start compiled it
 * (V8 parses a module's whole text) and some of it ran. Each is replaced by what is used of it.
 * - whatwg-url (and tr46, punycode's tables under it; ~350 KB): node-fetch, grammY's HTTP client,
 *   imports it only for a URL class when Node has none (`Url.URL || whatwgUrl.URL`): Node's is used.
 * - zod's messages in 60-odd languages (~370 KB): `z.locales` is never read here; English, which zod
 *   installs itself (classic/schemas.js imports locales/en.js directly), stays.
 */
const unused = {
  name: 'thidua-unused',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'thidua-unused' }));
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'thidua-unused', pluginData: args.resolveDir }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'thidua-unused' }, (args) =>
      args.path === 'whatwg-url'
        ? { contents: "module.exports = { URL: require('node:url').URL };", loader: 'js' }
        : {
            contents: "export { default as en } from '../locales/en.js';",
            loader: 'js',
            resolveDir: args.pluginData,
          },
    );
  },
};

/** Bundles `entryPoints` ({ name: source }) into `outdir` with the bot's settings; returns esbuild's metafile. */
export async function bundle(entryPoints, outdir) {
  const { build } = await import('esbuild');
  const { metafile } = await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: LAZY,
    // node-fetch (grammY's HTTP client on Node) → whatwg-url → tr46 requires Node's own `punycode`,
    // deprecated since Node 21: on Node 22 and 24 every start printed a DeprecationWarning. The same
    // code from npm (the `punycode` package, by the author of Node's module) is bundled instead.
    // (whatwg-url is left out now — see `unused` — but any other package asking for it gets this one.)
    alias: { punycode: './node_modules/punycode/punycode.js' },
    plugins: [unused],
    // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __thiduaRequire } from 'node:module'; const require = __thiduaRequire(import.meta.url);",
    },
    // Classes and functions keep their names: node-fetch (grammY's HTTP client) accepts a signal only
    // if its class is named `AbortSignal`, and esbuild renames the abort-controller polyfill's class
    // to `AbortSignal2` as soon as any bundled module uses the global `AbortSignal` — after which
    // every call to Telegram failed ("Network request for 'getMe' failed!").
    keepNames: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  return metafile;
}

/**
 * The desk's browser assets (web/): its script — with the Telegram Mini App SDK from npm, bundled
 * here, never fetched at run time — and its style sheet, into `outdir` (desk.js, desk.css).
 */
export async function buildDesk(outdir) {
  const { build } = await import('esbuild');
  const { metafile } = await build({
    entryPoints: { desk: 'web/client/desk.ts' },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'safari15', 'firefox100'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  await copyFile('web/client/desk.css', join(outdir, 'desk.css'));
  return metafile;
}

/**
 * The bot as `npm start` runs it: dist/main.js and dist/report-worker.js, and the desk's assets in
 * dist/desk/ — unless the last build there read exactly the files as they are now (`force`: always).
 * Says whether it built.
 */
export async function buildBot(outdir = 'dist', { force = false } = {}) {
  if (!force && (await upToDate(outdir))) return false;
  const metafile = await bundle(
    {
      main: 'bot/start.ts',
      'report-worker': 'bot/report-worker.ts',
      // The thread that reads and checks the store's snapshot while the bot's modules load (bot/start.ts).
      'snapshot-check': 'storage/snapshot-check.ts',
    },
    outdir,
  );
  // What imports what (test/e2e/startup.test.ts checks the heavy packages are never imported up front).
  await writeFile(join(outdir, 'meta.json'), JSON.stringify(metafile));
  // The chart's drawing thread is plain JavaScript, started by URL beside the code that starts it
  // (reports/chart-png.ts): in the build, beside the chunks.
  await copyFile('reports/chart-png-worker.mjs', join(outdir, 'chart-png-worker.mjs'));
  const desk = await buildDesk(join(outdir, 'desk'));
  // The store's PostgreSQL migrations are SQL files read at start-up (storage/postgres/connection.ts
  // finds them beside its code): in the build, beside the chunks.
  await cp('storage/postgres/migrations', join(outdir, 'migrations'), { recursive: true });
  const migrations = (await readdir('storage/postgres/migrations')).map((f) =>
    join('storage/postgres/migrations', f),
  );
  const read = [
    // Not the stand-ins for unused code (`thidua-unused:…`): this script holds them.
    ...Object.keys(metafile.inputs).filter((path) => !path.startsWith('thidua-unused:')),
    ...Object.keys(desk.inputs),
    'web/client/desk.css',
    'reports/chart-png-worker.mjs',
    'storage/postgres/migrations',
    ...migrations,
    'scripts/build.mjs',
    'package-lock.json',
  ];
  const inputs = {};
  for (const path of new Set(read)) inputs[path] = await fingerprint(path);
  const outputs = [
    ...Object.keys(metafile.outputs).map((o) => relativeTo(outdir, o)),
    'meta.json',
    'chart-png-worker.mjs',
    'desk/desk.js',
  ];
  await writeFile(join(outdir, STAMP), JSON.stringify({ inputs, outputs }));
  return true;
}

/** Whether the last build in `outdir` read exactly the files as they are now, and left all it made. */
export async function upToDate(outdir) {
  let stamp;
  try {
    stamp = JSON.parse(await readFile(join(outdir, STAMP), 'utf8'));
  } catch {
    return false;
  }
  try {
    for (const [path, was] of Object.entries(stamp.inputs)) {
      const now = await fingerprint(path);
      if (now.size !== was.size || now.mtimeMs !== was.mtimeMs) return false;
    }
    for (const output of stamp.outputs) await stat(join(outdir, output));
  } catch {
    return false; // an input went, or an output
  }
  return true;
}

/** What says a file changed: its size and modification time (a directory's changes when a file is added or removed). */
async function fingerprint(path) {
  const { size, mtimeMs } = await stat(path);
  return { size, mtimeMs };
}

/** An esbuild output path (relative to the working directory) relative to `outdir`. */
function relativeTo(outdir, path) {
  return relative(resolve(outdir), resolve(path));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outdir = args.find((a) => !a.startsWith('--'));
  await buildBot(outdir, { force: args.includes('--force') });
}
