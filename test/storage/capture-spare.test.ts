import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Frame, FrameReader, unpack, writeFrame } from '../../bot/report-wire.js';
import { reportRequest } from '../../bot/reports.js';
import type { Entry } from '../../core/domain.js';
import { CaptureSpare } from '../../storage/capture-spare.js';
import { EntryTable, type EntryTableData } from '../../storage/entry-table.js';
import { StoreView } from '../../storage/reader.js';
import type { Store } from '../../storage/store.js';
import { testAgency } from '../helpers/agency.js';
import { actor, addMember, logDeed, useTempStore } from '../helpers/store.js';

/*
 * A capture (a report's, a compaction's) is copied into the entry table's spare arrays — memory whose
 * pages are already faulted in (storage/capture-spare.ts) — and those arrays go to the next capture
 * only once nothing reads the earlier one: a capture still being written holds the store as it was
 * when it was taken, whatever is written and captured meanwhile.
 */

const ctx = useTempStore();
const day = (d: number) => new Date(Date.UTC(2026, 2, d, 2));

/** Five deeds of one member, on 2-6 March. */
async function fiveDeeds(store: Store): Promise<{ memberId: string; entries: Entry[] }> {
  const lan = await addMember(store, 1);
  for (let d = 2; d <= 6; d += 1) await logDeed(store, lan.id, day(d), `Việc tốt ngày ${d}`);
  return { memberId: lan.id, entries: [...store.entries] };
}

const NUMBER_COLUMNS = [
  'no',
  'time',
  'kind',
  'flags',
  'points',
  'member',
  'reporter',
  'department',
  'createdOn',
  'firstItem',
  'order',
] as const;
const ITEM_COLUMNS = ['row', 'action', 'by', 'platform', 'flags', 'next'] as const;

/**
 * A capture's number columns as plain lists, compared before its entries are built from them (a
 * column copied over by a later capture could send the history's chains round in circles).
 */
function columns(data: EntryTableData) {
  return {
    count: data.count,
    ...Object.fromEntries(NUMBER_COLUMNS.map((k) => [k, Array.from(data[k])])),
    items: Object.fromEntries(ITEM_COLUMNS.map((k) => [k, Array.from(data.items[k])])),
  };
}

/** Writes that change the number columns of rows already there: a withdrawal, an entry logged out of time order. */
async function changeRows(store: Store, memberId: string, code: string, d: number): Promise<void> {
  await store.withdrawEntry(code, actor(memberId, day(10 + d)), 'Ghi nhầm');
  await logDeed(store, memberId, day(d), `Việc ghi muộn ${d}`);
}

describe('a capture into spare memory', () => {
  it('is never copied into while an earlier capture is still read; once given back, the next one reuses it', async () => {
    const store = ctx.store;
    const { memberId, entries } = await fiveDeeds(store);
    const first = store.lendCapture();
    const firstColumns = columns(first.capture.entries);
    expect(StoreView.of(first.capture).entries).toEqual(entries);

    await changeRows(store, memberId, entries[0]?.code as string, 1);
    const second = store.lendCapture();
    // The first capture still holds the five deeds as they were; the second the store now.
    expect(columns(first.capture.entries)).toEqual(firstColumns);
    expect(StoreView.of(first.capture).entries).toEqual(entries);
    expect(StoreView.of(second.capture).entries).toEqual(store.entries);
    expect(store.entries).not.toEqual(entries);

    first.release();
    await changeRows(store, memberId, entries[1]?.code as string, 2);
    const third = store.lendCapture();
    // Into the first capture's memory, given back: and it holds the store as it is now.
    expect(third.capture.entries.no.buffer).toBe(first.capture.entries.no.buffer);
    expect(StoreView.of(third.capture).entries).toEqual(store.entries);
    // The second, still lent, was not touched.
    expect(StoreView.of(second.capture).entries).not.toEqual(store.entries);
    expect(StoreView.of(second.capture).entries.map((e) => e.code)).toHaveLength(6);
    second.release();
    third.release();
  });

  it('taken while the spare is lent makes memory of its own; of two given back, one is reused', async () => {
    const store = ctx.store;
    await fiveDeeds(store);
    while (store.warmFigures()) {
      // as at start-up: the figures, then the spare
    }
    const made = store.lendCapture();
    const fresh = store.lendCapture();
    // The spare was there for the first; the second, taken while it is lent, made memory of its own.
    expect(made.capture.entries.no.buffer).not.toBe(fresh.capture.entries.no.buffer);
    made.release();
    fresh.release();
    // Of two given back, one is kept (the larger; here equal): the next capture goes into one of them.
    const next = store.lendCapture();
    expect([made.capture.entries.no.buffer, fresh.capture.entries.no.buffer]).toContain(
      next.capture.entries.no.buffer,
    );
    expect(StoreView.of(next.capture).entries).toEqual(store.entries);
    next.release();
  });
});

describe("a report's capture", () => {
  let server: Server | undefined;
  let client: Socket | undefined;
  afterEach(() => {
    client?.destroy();
    server?.close();
  });

  it('goes back to be reused only once the socket has sent it: a capture taken while it waits does not touch it', async () => {
    const store = ctx.store;
    const { memberId, entries } = await fiveDeeds(store);
    // The report process's end of the socket, on loopback, not reading until told.
    const frames: Frame[] = [];
    const reader = new FrameReader((frame) => frames.push(frame));
    let peer!: Socket;
    let listening!: Server;
    const accepted = new Promise<void>((resolve) => {
      listening = createServer((socket) => {
        peer = socket;
        socket.pause();
        socket.on('data', (chunk: Buffer) => reader.push(chunk));
        resolve();
      });
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const port = (listening.address() as { port: number }).port;
    const socket = connect(port, '127.0.0.1');
    client = socket;
    await accepted;

    // 32 MB ahead of the request, more than the kernel's buffers hold: its columns wait in the socket's queue.
    writeFrame(socket, { filler: true }, [Buffer.alloc(32 << 20)]);
    const atRequest = columns(store.capture().entries);
    const request = reportRequest(store, { agency: testAgency() }, []);
    let sent = false;
    writeFrame(socket, request.header, request.blobs, () => {
      sent = true;
      request.sent();
    });

    // Meanwhile the store changes, and another capture is taken (a compaction's, another report's).
    await changeRows(store, memberId, entries[2]?.code as string, 1);
    const meanwhile = store.lendCapture();
    expect(sent).toBe(false);
    expect(StoreView.of(meanwhile.capture).entries).toEqual(store.entries);

    const all = new Promise<void>((resolve) => {
      const check = () => (frames.length === 2 && sent ? resolve() : setTimeout(check, 5));
      check();
    });
    peer.resume();
    await all;
    // The report process got the store as it was when the report was asked for.
    const header = frames[1]?.header as { state: string; entries: unknown };
    const received = unpack(header.entries, frames[1]?.blobs ?? []) as EntryTableData;
    expect(columns(received)).toEqual(atRequest);
    expect(StoreView.of({ state: header.state, entries: received }).entries).toEqual(entries);

    // Sent: its memory is the next capture's (the one taken meanwhile is still lent).
    const blobs = (request.header as { entries: { no: { $blob: number } } }).entries;
    const next = store.lendCapture();
    expect(next.capture.entries.no.buffer).toBe(request.blobs[blobs.no.$blob]?.buffer);
    expect(StoreView.of(next.capture).entries).toEqual(store.entries);
    meanwhile.release();
    next.release();
  });
});

describe('the spare arrays of a growing table', () => {
  it('are made again larger, between steps, once the table nears their room', () => {
    const table = new EntryTable();
    const spare = new CaptureSpare(table);
    const add = (no: number) =>
      table.append({
        code: `VT${no}`,
        kind: 'deed',
        text: `việc ${no}`,
        points: 1,
        adhoc: false,
        it: false,
        memberId: 'm1',
        reporterId: 'm1',
        departmentId: 'vp',
        at: new Date(Date.UTC(2026, 0, 1) + no * 60_000).toISOString(),
        status: 'active',
        review: 'pending',
        source: `telegram:1:${no}`,
        history: [{ at: new Date(0).toISOString(), action: 'created', by: 'm1', platform: 'telegram' }],
        ...(no % 3 === 0 ? { photo: [{ platform: 'telegram' as const, fileId: `f${no}` }] } : {}),
      });
    for (let no = 1; no <= 10; no += 1) add(no);
    // None before it is made (the first capture would make its own).
    expect(spare.take()).toBeUndefined();
    while (spare.warm()) {
      // a megabyte of pages at a time
    }
    const small = spare.take();
    expect(small?.no.length).toBeGreaterThanOrEqual(10);
    if (!small) throw new Error('no spare made');
    const room = small.no.length;
    spare.give(small);
    // Grown past nine tenths of the room: the capture still fits, and larger arrays are made.
    while (table.count <= room * 0.9) add(table.count + 1);
    const taken = spare.take();
    expect(taken?.no.buffer).toBe(small.no.buffer);
    spare.give(taken as NonNullable<typeof taken>);
    while (spare.warm()) {
      // made a step at a time
    }
    const larger = spare.take();
    expect(larger?.no.length).toBeGreaterThan(room);
    const capture = table.capture(larger);
    expect(capture.no.buffer).toBe(larger?.no.buffer);
    expect(new EntryTable(capture).all()).toEqual(table.all());
    // An undone write takes its photo back out of what a capture holds.
    const photos = capture.photos.length;
    add(table.count + 1 + ((3 - ((table.count + 1) % 3)) % 3));
    expect(table.capture().photos.length).toBe(photos + 1);
    table.removeLast();
    expect(table.capture().photos).toEqual(capture.photos);
  });
});
