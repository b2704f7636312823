import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Where evidence photos of this platform are kept, under the data directory. */
export const EVIDENCE_DIR = join('evidence', 'zalobot');

const TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
};

export type Fetched = { ok: true; ref: string; bytes: number } | { ok: false; problem: string };

/**
 * Fetches an evidence photo once (the Platform gives a URL on Zalo's servers, which need not last) and
 * keeps it under `dataDir/evidence/zalobot/<sha256>.<ext>`, durably (temp file, fsync, rename). The
 * answer's `ref` is that path relative to the data directory, kept on the entry the way Telegram's
 * file id is. At most `maxBytes` are read: a larger photo, a non-image or a failed download is refused.
 */
export async function fetchEvidence(
  url: string,
  options: { dataDir: string; maxBytes: number; timeoutMs?: number; fetch?: typeof globalThis.fetch },
): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, { signal: controller.signal });
    if (!response.ok || !response.body) return { ok: false, problem: `HTTP ${response.status}` };
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const ext = TYPES[type];
    if (!ext) return { ok: false, problem: `not an image (${type || 'no content type'})` };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      controller.abort();
      return { ok: false, problem: `${declared} bytes, over the ${options.maxBytes}-byte cap` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > options.maxBytes) {
        controller.abort();
        return { ok: false, problem: `over the ${options.maxBytes}-byte cap` };
      }
      chunks.push(Buffer.from(chunk));
    }
    const data = Buffer.concat(chunks);
    const name = `${createHash('sha256').update(data).digest('hex')}.${ext}`;
    const dir = join(options.dataDir, EVIDENCE_DIR);
    await mkdir(dir, { recursive: true });
    await writeDurably(join(dir, name), data);
    return { ok: true, ref: join(EVIDENCE_DIR, name).split('\\').join('/'), bytes: size };
  } catch (error) {
    return { ok: false, problem: controller.signal.aborted ? 'timed out' : (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'w', 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A reference `fetchEvidence` made: nothing else (no `..`, no other folder) is ever read. */
const REF = /^evidence\/zalobot\/[0-9a-f]{64}\.(jpg|png|webp|gif|heic)$/;

/** The bytes of a kept evidence photo, by its reference (the desk shows it); undefined if gone or not ours. */
export async function readEvidence(
  dataDir: string,
  ref: string,
): Promise<{ data: Buffer; type: string } | undefined> {
  const match = REF.exec(ref);
  if (!match) return undefined;
  const ext = match[1] as string;
  const type = Object.entries(TYPES).find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
  try {
    return { data: await readFile(join(dataDir, ref)), type };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
