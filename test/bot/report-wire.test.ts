import { describe, expect, it } from 'vitest';
import { type Frame, FrameReader, giveBack, pack, unpack, writeFrame } from '../../bot/report-wire.js';

/*
 * The bytes between the bot and its report process (bot/report-wire.ts): a store's columns and the
 * files come back as they were sent, however the socket cuts the stream into chunks.
 */

function sent(frames: { header: unknown; blobs?: Uint8Array[] }[]): Buffer {
  const chunks: Buffer[] = [];
  const sink = { write: (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)) > 0 };
  for (const f of frames) writeFrame(sink, f.header, f.blobs);
  return Buffer.concat(chunks);
}

function received(bytes: Buffer, chunkSize: number): Frame[] {
  const frames: Frame[] = [];
  const reader = new FrameReader((frame) => frames.push(frame));
  for (let at = 0; at < bytes.length; at += chunkSize) reader.push(bytes.subarray(at, at + chunkSize));
  return frames;
}

describe('the report process’s frames', () => {
  const columns = {
    count: 3,
    dict: ['m1', 'm2'],
    time: new Float64Array([1.5, 2.5, 3.5]),
    member: new Uint32Array([0, 1, 0]),
    text: { block: Buffer.from('một hai ba'), ends: new Uint32Array([3, 7, 10]), added: ['bốn'] },
    empty: new Int32Array(0),
    photos: [[1, 'telegram', 'f1']],
  };

  it('carries typed arrays, buffers, dates and strings back as they were, in chunks of any size', () => {
    const packed = pack(columns);
    const header = { id: 7, at: new Date('2026-12-06T00:00:00Z'), entries: packed.value };
    const bytes = sent([
      { header, blobs: packed.blobs },
      { header: { id: 7, started: true } },
      { header: { id: 8, files: 2 }, blobs: [Buffer.from('PK one'), Buffer.alloc(0)] },
    ]);
    for (const size of [1, 3, 7, 64, bytes.length]) {
      const [request, started, answer] = received(bytes, size);
      const back = request?.header as typeof header;
      expect(back.at).toEqual(header.at);
      const entries = unpack(back.entries, request?.blobs ?? []) as typeof columns;
      expect(entries.time).toEqual(columns.time);
      expect(entries.member).toEqual(columns.member);
      expect(Buffer.isBuffer(entries.text.block)).toBe(true);
      expect(entries.text.block.toString()).toBe('một hai ba');
      expect(entries.text.ends).toEqual(columns.text.ends);
      expect(entries.empty).toEqual(new Int32Array(0));
      expect(entries.dict).toEqual(columns.dict);
      expect(entries.photos).toEqual(columns.photos);
      expect(started).toEqual({ header: { id: 7, started: true }, blobs: [] });
      expect(answer?.header).toEqual({ id: 8, files: 2 });
      expect(answer?.blobs.map((b) => b.toString())).toEqual(['PK one', '']);
    }
  });

  it('sends a column from where it lies: a view into a larger buffer, shared memory too', () => {
    const shared = new Uint8Array(new SharedArrayBuffer(16));
    shared.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const view = new Uint32Array(shared.buffer, 4, 2);
    const packed = pack({ view });
    const [frame] = received(sent([{ header: packed.value, blobs: packed.blobs }]), 5);
    const back = unpack(frame?.header, frame?.blobs ?? []) as { view: Uint32Array };
    expect([...back.view]).toEqual([...view]);
  });
});

describe('the files a report made, on the bot’s side', () => {
  it('are read into memory given back once they are delivered: a large one is emptied, a small one and the other side’s stay', () => {
    const workbook = Buffer.alloc(200_000, 7);
    const bytes = sent([{ header: { id: 3, files: 2 }, blobs: [workbook, Buffer.from('PK small')] }]);
    const frames: Frame[] = [];
    const reader = new FrameReader((frame) => frames.push(frame), { givesBack: true });
    for (let at = 0; at < bytes.length; at += 65_536) reader.push(bytes.subarray(at, at + 65_536));
    const [large, small] = frames[0]?.blobs ?? [];
    expect(large?.equals(workbook)).toBe(true);
    giveBack(large as Buffer);
    giveBack(small as Buffer);
    expect(large?.byteLength).toBe(0);
    expect(small?.toString()).toBe('PK small');
    // The report process's side reads the store's columns: nothing of them is given back.
    const [kept] = received(bytes, 65_536)[0]?.blobs ?? [];
    giveBack(kept as Buffer);
    expect(kept?.equals(workbook)).toBe(true);
  });
});
