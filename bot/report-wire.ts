// The bytes between the bot and its report process (bot/reports.ts, bot/report-worker.ts), over one
// socket both ways. A frame is a small header (v8's serializer: dates, maps and typed arrays survive,
// unlike JSON) and then its blobs as they lie in memory — a store's columns, a file's bytes —
// written from where they are, never serialised or copied on the sending side.
import { deserialize, serialize } from 'node:v8';

/** One frame: its header, and its blobs (each in memory of its own, 8-byte aligned for typed arrays). */
export interface Frame {
  header: unknown;
  blobs: Buffer[];
}

/** A typed array or Buffer taken out of a header, sent as a blob (see `unpack`). */
interface BlobRef {
  $blob: number;
  type: string;
}

const VIEWS = { Uint8Array, Uint32Array, Int32Array, Float64Array } as const;

/**
 * `value` with every typed array in it (in objects, not inside arrays: a store's columns) replaced by
 * a reference to a blob, and those blobs. Nothing is copied.
 */
export function pack(value: unknown, blobs: Uint8Array[] = []): { value: unknown; blobs: Uint8Array[] } {
  const walk = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) {
      const type = Buffer.isBuffer(v) ? 'Buffer' : v.constructor.name;
      if (type !== 'Buffer' && !(type in VIEWS)) throw new Error(`cannot send a ${type}`);
      blobs.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      return { $blob: blobs.length - 1, type } satisfies BlobRef;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return { value: walk(value), blobs };
}

/** The value `pack` took apart, its typed arrays over the blobs received. */
export function unpack(value: unknown, blobs: readonly Buffer[]): unknown {
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return v;
    if ('$blob' in v) {
      const ref = v as BlobRef;
      const blob = blobs[ref.$blob] as Buffer;
      if (ref.type === 'Buffer') return blob;
      const View = VIEWS[ref.type as keyof typeof VIEWS];
      return new View(blob.buffer as ArrayBuffer, blob.byteOffset, blob.byteLength / View.BYTES_PER_ELEMENT);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value);
}

/**
 * Where frames are written: a socket (its `write` keeps a reference to each buffer until it is sent,
 * then calls the write's callback; in order, so the last write's callback says all are sent).
 */
export interface FrameSink {
  write(chunk: Uint8Array, done?: (error?: Error | null) => void): boolean;
  cork?(): void;
  uncork?(): void;
}

/**
 * Writes one frame: [header length u32][header][blob lengths in the header][blobs]. The blobs are
 * written from where they lie: they must not change until `sent` is called (once the sink has sent
 * them all, or failed to).
 */
export function writeFrame(
  out: FrameSink,
  header: unknown,
  blobs: readonly Uint8Array[] = [],
  sent?: () => void,
): void {
  const head = serialize({ header, sizes: blobs.map((b) => b.byteLength) });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  out.cork?.();
  out.write(length);
  out.write(head);
  for (const blob of blobs) {
    if (blob.byteLength > 0) out.write(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength));
  }
  // An empty write after the blobs: its callback comes once every write before it is done with.
  if (sent) out.write(new Uint8Array(0), () => sent());
  out.uncork?.();
}

/** Blobs from this size on are read into memory that can be given back (`FrameReader`'s `givesBack`). */
const GIVEN_BACK_FROM = 64 << 10;

/**
 * Reads frames from a stream's chunks, as they come: each blob is copied once, into memory of its
 * own, as its bytes arrive (a chunk may hold the end of one and the start of the next).
 *
 * `givesBack` (the bot's side: the files a report made): each blob of 64 KiB or more is read into a
 * resizable ArrayBuffer, which V8 maps apart from the C heap, so `giveBack` returns its pages to the
 * system at once — not at V8's next full collection, which a bot at rest may not run for hours —
 * and a freed file never raises glibc's threshold for mapping large blocks apart (after which every
 * block up to the file's size came from the C heap, which grew through the reports: 6-16 -> 35-50
 * MB at 100k entries). Not for the report process's side: its blobs are columns, read row by row.
 */
export class FrameReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The frame being read: its header, its blobs' sizes, the blob being filled and how far. */
  private current: { header: unknown; sizes: number[]; blobs: Buffer[]; filled: number } | null = null;

  constructor(
    private readonly onFrame: (frame: Frame) => void,
    private readonly options: { givesBack?: boolean } = {},
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length || (this.current && this.done(this.current))) {
      const frame = this.current;
      if (frame) {
        if (this.done(frame)) {
          this.current = null;
          this.onFrame({ header: frame.header, blobs: frame.blobs });
          continue;
        }
        const blob = frame.blobs[frame.blobs.length - 1] as Buffer;
        const take = Math.min(blob.length - frame.filled, chunk.length - at);
        chunk.copy(blob, frame.filled, at, at + take);
        frame.filled += take;
        at += take;
        if (frame.filled === blob.length) this.nextBlob(frame);
        continue;
      }
      // The header: its length, then its bytes (small: gathered from the chunks that hold it).
      this.pending.push(at === 0 ? chunk : chunk.subarray(at));
      this.pendingBytes += chunk.length - at;
      at = chunk.length;
      if (this.pendingBytes < 4) break;
      const bytes = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
      const length = bytes.readUInt32LE(0);
      if (bytes.length < 4 + length) {
        this.pending = [bytes];
        break;
      }
      const { header, sizes } = deserialize(bytes.subarray(4, 4 + length)) as {
        header: unknown;
        sizes: number[];
      };
      this.pending = [];
      this.pendingBytes = 0;
      const next = { header, sizes, blobs: [] as Buffer[], filled: 0 };
      this.current = next;
      this.nextBlob(next);
      // The rest of the bytes gathered belong to the frame's blobs (or the next frame).
      const rest = bytes.subarray(4 + length);
      if (rest.length > 0) this.push(rest);
    }
  }

  private done(frame: { sizes: number[]; blobs: Buffer[]; filled: number }): boolean {
    return frame.blobs.length === frame.sizes.length && frame.filled === (frame.blobs.at(-1)?.length ?? 0);
  }

  /** Starts the next blob of `frame` (empty ones are taken at once). */
  private nextBlob(frame: { sizes: number[]; blobs: Buffer[]; filled: number }): void {
    while (frame.blobs.length < frame.sizes.length) {
      const size = frame.sizes[frame.blobs.length] as number;
      const givesBack = this.options.givesBack && size >= GIVEN_BACK_FROM;
      frame.blobs.push(Buffer.from(givesBack ? resizable(size) : new ArrayBuffer(size)));
      frame.filled = 0;
      if (size > 0) return;
    }
  }
}

/** An ArrayBuffer of `size` bytes that `giveBack` can empty (ES2024: not in TypeScript's ES2023 library). */
function resizable(size: number): ArrayBuffer {
  const Resizable = ArrayBuffer as unknown as new (
    size: number,
    options: { maxByteLength: number },
  ) => ArrayBuffer;
  return new Resizable(size, { maxByteLength: size });
}

/**
 * Gives the memory of `bytes` back to the system at once, if it was read by a `FrameReader` that
 * `givesBack` (else nothing happens; V8 frees it when it collects it). Only for bytes nothing will
 * read again: every view of them is empty afterwards.
 */
export function giveBack(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { resizable?: boolean; resize?: (size: number) => void };
  if (buffer.resizable) buffer.resize?.(0);
}
