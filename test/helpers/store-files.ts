import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreCorruptError } from '../../core/errors.js';
import { sealLine } from '../../storage/line.js';
import { captureState, readSnapshot, type StoreCapture, writeSnapshot } from '../../storage/snapshot-file.js';
import { JOURNAL_FILE, STORE_FILE, Store, type StoreOptions } from '../../storage/store.js';

/*
 * What a careless admin, a bad backup or a hostile edit does to a data directory — done as a tool
 * would, so the files stay well-formed: lines sealed and chained, snapshots with a right CRC.
 */

/** The journal's lines, parsed (the head first). */
export async function journalLines(dir: string): Promise<Record<string, unknown>[]> {
  // Up to the zeros an open journal writes its next lines into (storage/journal.ts).
  const text = (await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\0')[0] as string;
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Appends a change as the store would write it — its seq, the store's identity, chained to the line
 * before and sealed — with `body` as the change (`type` and its fields).
 */
export async function appendLine(dir: string, body: Record<string, unknown>): Promise<void> {
  const lines = await journalLines(dir);
  const head = lines[0] as { store: string; follows: number; last: string };
  const last = lines.length > 1 ? (lines.at(-1) as { seq: number; sum: string }) : undefined;
  const line = {
    seq: last ? last.seq + 1 : head.follows + 1,
    store: head.store,
    prev: last ? last.sum : head.last,
    ...body,
  };
  await appendFile(join(dir, JOURNAL_FILE), `${sealLine(JSON.stringify(line)).text}\n`);
}

/** Rewrites the snapshot after `edit` changed its capture, with a right CRC (as a tool would). */
export async function rewriteSnapshot(dir: string, edit: (capture: StoreCapture) => void): Promise<void> {
  const state = await readSnapshot(join(dir, STORE_FILE));
  if (!state) throw new Error(`no snapshot in ${dir}`);
  const capture = captureState(state);
  // Copies of the string blocks, so an edit does not reach into the bytes just read.
  for (const column of [capture.entries.text, capture.entries.at, capture.entries.source]) {
    column.block = Uint8Array.from(column.block);
    column.ends = Uint32Array.from(column.ends);
  }
  edit(capture);
  await writeSnapshot(join(dir, STORE_FILE), capture);
}

/** Every file of `dir` (not its folders) as base64, to check nothing was written. */
export async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) files[entry.name] = (await readFile(join(dir, entry.name))).toString('base64');
  }
  return files;
}

/** Opening `dir` must be refused, changing no file: the error. */
export async function refusedOpen(dir: string, options: StoreOptions = {}): Promise<StoreCorruptError> {
  const before = await filesOf(dir);
  // A store that opens after all is closed again (its journal handle would be left to the GC).
  const outcome = await Store.open(dir, options).then(
    async (store) => {
      await store.close();
      return store;
    },
    (error: unknown) => error,
  );
  if (!(outcome instanceof StoreCorruptError)) {
    throw new Error(
      `expected the store to be refused, got ${outcome instanceof Error ? outcome.message : 'a store'}`,
    );
  }
  const after = await filesOf(dir);
  if (JSON.stringify(after) !== JSON.stringify(before))
    throw new Error('a refused store was changed on disk');
  return outcome;
}

/** Writes `text` as the whole journal (for lines of an older layout). */
export async function writeJournal(dir: string, lines: readonly object[]): Promise<void> {
  await writeFile(join(dir, JOURNAL_FILE), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
}
