import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The desk's script (web/client/desk.ts, bundled by esbuild with the Mini App SDK) and style sheet. */
export interface DeskAssets {
  script: Buffer;
  style: Buffer;
  /** A hash of both, in their addresses: a new build is a new address, the old one stays cached. */
  version: string;
}

/** Reads the built assets from `dir` (scripts/build.mjs writes them to dist/desk/). */
export async function readDeskAssets(dir: string): Promise<DeskAssets> {
  const [script, style] = await Promise.all([
    readFile(join(dir, 'desk.js')),
    readFile(join(dir, 'desk.css')),
  ]);
  const version = createHash('sha256').update(script).update(style).digest('hex').slice(0, 12);
  return { script, style, version };
}
