import { spawnSync } from 'node:child_process';

/**
 * The bot as `npm start` runs it, built by scripts/build.mjs (its prestart) into `out`. Tests build
 * where `npm start` builds, under dist/ and outside node_modules: Node forgives a deprecated call from
 * inside node_modules (no warning printed), so a build there would hide what a newcomer's terminal
 * shows. The build's result, for a test that looks at it.
 */
export function runBuild(out: string) {
  return spawnSync(process.execPath, ['scripts/build.mjs', out], { encoding: 'utf8' });
}

/** Builds the bot into `out`, or throws with the build's own error. */
export function buildBot(out: string): void {
  const built = runBuild(out);
  if (built.status !== 0) throw new Error(`the build failed: ${built.stderr}`);
}
