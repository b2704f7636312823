import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../core/domain.js';
import { StoreWriteError } from '../../core/errors.js';
import { SEAL_ROWS, StringColumn } from '../../storage/columns.js';
import { StoreView } from '../../storage/reader.js';
import { captureState, readSnapshot, type StoreCapture } from '../../storage/snapshot-file.js';
import { STORE_FILE, Store } from '../../storage/store.js';
import { tempDir } from '../helpers/agency.js';
import { failJournalFlush } from '../helpers/disk-faults.js';
import { addMember } from '../helpers/store.js';

/*
 * The strings written since a store was opened are sealed SEAL_ROWS at a time into bytes that never
 * change (storage/columns.ts): a capture shares them, a report's request sends them as they are, a
 * compaction writes them. What a reader of any of these sees is the strings as written.
 */

let dir: string;
let cleanup: () => Promise<void>;
let store: Store;
let memberId: string;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await Store.open(dir);
  memberId = (await addMember(store, 1)).id;
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

/** Writes entries `from`…`from + count - 1`, each with its own text, time and source, all at once. */
function write(
  from: number,
  count: number,
  text: (i: number) => string,
  source = (i: number) => `telegram:-100:${i}`,
) {
  return Promise.all(
    Array.from({ length: count }, (_, k) => {
      const i = from + k;
      return store.addEntry(
        { kind: 'deed', text: text(i), points: 1, adhoc: false, it: false, memberId },
        {
          by: memberId,
          platform: 'telegram',
          at: new Date(Date.UTC(2026, 3, 1) + i * 60_000),
          source: source(i),
        },
      );
    }),
  );
}

/** What a reader of a capture sees of each entry: its code, text, time, source and history's notes. */
const shown = (entries: readonly Entry[]) =>
  entries.map((e) => [
    e.code,
    e.text,
    e.at,
    e.source,
    e.history.map((h) => [h.at, h.note ?? '', h.source ?? '']),
  ]);
const read = (capture: StoreCapture) => shown(StoreView.of(capture).entries);

describe('strings sealed since the store was opened', () => {
  it('a capture reads as it was taken, whatever is written or undone after it', async () => {
    await write(0, SEAL_ROWS - 8, (i) => `Việc tốt số ${i} 😀`);
    const early = store.capture();
    const earlyShown = read(early);
    // Eight writes that fill the first piece and start the next; their flush fails: all are undone,
    // the piece taken back, while a capture taken meanwhile still holds it.
    failJournalFlush(store, { once: true });
    const failing = write(SEAL_ROWS - 8, 8, (i) => `sẽ hoàn tác, số ${i}`);
    const during = store.capture();
    const duringShown = read(during);
    expect(duringShown.map(([, text]) => text).slice(-8)).toEqual(
      Array.from({ length: 8 }, (_, k) => `sẽ hoàn tác, số ${SEAL_ROWS - 8 + k}`),
    );
    expect(await failing.catch((e: unknown) => e)).toBeInstanceOf(StoreWriteError);
    expect(store.entries).toHaveLength(SEAL_ROWS - 8);
    // Other strings where the undone ones were — shorter, so they would fit where those lay — sealed
    // again; then a lone surrogate among them: UTF-16 pieces too.
    await write(SEAL_ROWS - 8, SEAL_ROWS + 10, (i) => (i % 500 ? `V${i}` : `nửa cặp \ud800 ${i}`));
    const after = store.capture();
    expect(read(early)).toEqual(earlyShown);
    expect(read(during)).toEqual(duringShown);
    expect(read(after)).toEqual(shown(store.entries));
    expect(store.entries.at(SEAL_ROWS - 8)?.text).toBe(`V${SEAL_ROWS - 8}`);
  }, 60_000);

  it('compactions over pieces of every encoding, and the column widening, write what reopens equal', async () => {
    const snapshot = async () => {
      await store.compact();
      const state = await readSnapshot(join(dir, STORE_FILE));
      return read(captureState(state as NonNullable<typeof state>));
    };
    // Latin-1 texts: the text column is written one byte a character.
    await write(0, SEAL_ROWS + 100, (i) => `Plain deed, café naïve, ${i}`);
    expect(await snapshot()).toEqual(shown(store.entries));
    // Vietnamese: the Latin-1 pieces are written again as UTF-8; a source widens too.
    await write(
      SEAL_ROWS + 100,
      SEAL_ROWS,
      (i) => `Giúp đồng nghiệp “số ${i}” 😀`,
      (i) => `zalo:nhóm-${i}`,
    );
    // Notes on history items, more than a piece of them.
    await Promise.all(
      store.entries.slice(0, SEAL_ROWS + 5).map((e, i) =>
        store.withdrawEntry(
          e.code,
          {
            by: memberId,
            platform: 'zalo',
            at: new Date(Date.UTC(2026, 5, 1) + i * 1000),
            source: `zalo:rút-${i}`,
          },
          i % 2 ? `Trùng với mục khác ${i}` : `duplicate ${i}`,
        ),
      ),
    );
    expect(await snapshot()).toEqual(shown(store.entries));
    // A lone surrogate (never from a user: the router cleans input) survives only as UTF-16.
    await write(2 * SEAL_ROWS + 100, SEAL_ROWS, (i) => (i % 300 ? `Việc ${i}` : `nửa cặp \udc00 ${i}`));
    expect(await snapshot()).toEqual(shown(store.entries));
    const before = shown(store.entries);
    await store.close();
    store = await Store.open(dir);
    expect(shown(store.entries)).toEqual(before);
  }, 60_000);
});

describe('a string column', () => {
  it('reads its sealed rows as written, through get, peek and one, and takes them back in order', () => {
    // More than 16 pieces: the arrays describing the pieces grow past their first room.
    const strings = Array.from({ length: 40 * SEAL_ROWS + 7 }, (_, i) =>
      i % 700 === 5 ? `a\ud800${i}` : i % 3 ? `Tiếng Việt ${i} 😀` : `plain ${i}`,
    );
    const column = new StringColumn();
    for (const s of strings) column.push(s);
    const check = (c: StringColumn, upTo: number) => {
      for (let i = 0; i < upTo; i += 1) expect(c.one(i)).toBe(strings[i]);
      for (let i = upTo - 1; i >= 0; i -= 1) expect(c.peek(i)).toBe(strings[i]);
      for (let i = 0; i < upTo; i += 1) {
        expect(c.get(i)).toBe(strings[i]);
        expect(c.unitsAt(i)).toBe(strings[i]?.length);
      }
    };
    check(column, strings.length);
    // Rebuilt from a capture (as the report process does): the same strings.
    const captured = column.capture();
    expect(captured.added.length).toBeLessThan(SEAL_ROWS);
    // Every piece described: its encoding and its size in UTF-8 (what a compaction writes by).
    expect(captured.sealed?.encodings.length).toBe(40);
    expect(captured.sealed?.utf8.length).toBe(40);
    expect(captured.sealed?.utf8.every((bytes) => bytes > SEAL_ROWS)).toBe(true);
    check(new StringColumn(captured), strings.length);
    for (let n = strings.length; n > SEAL_ROWS - 2; n -= 1) column.pop();
    check(column, SEAL_ROWS - 2);
    check(new StringColumn(captured), strings.length);
  });
});

describe('a write undone and retried at a piece’s edge', () => {
  it('seals the piece again in place, however often, and a capture taken before still reads as it was', () => {
    const column = new StringColumn();
    for (let i = 0; i < SEAL_ROWS - 1; i += 1) column.push(`dòng ${i}`);
    // A disk refusing each batch: the write that fills the piece is undone and retried, 80 times.
    // Copying the arrays at each retry doubled their room every time (2^80: a RangeError mid-write).
    for (let round = 0; round < 80; round += 1) {
      column.push(`lần ${round}`);
      column.pop();
    }
    column.push('lần cuối');
    expect(column.length).toBe(SEAL_ROWS);
    expect(column.get(SEAL_ROWS - 1)).toBe('lần cuối');
    // With a capture between, the retried piece goes into copies: the capture keeps its strings.
    const before = new StringColumn(column.capture());
    for (let round = 0; round < 80; round += 1) {
      column.pop();
      column.push(`thử lại ${round}`);
    }
    expect(before.get(SEAL_ROWS - 1)).toBe('lần cuối');
    expect(column.get(SEAL_ROWS - 1)).toBe('thử lại 79');
    expect(column.get(5)).toBe('dòng 5');
  });
});
