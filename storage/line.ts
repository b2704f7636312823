import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';

/*
 * One change as a line of text: the form a change takes in the journal (`journal.jsonl`), and the same
 * form for an event log kept elsewhere (a table of a database holds the same lines). A line is JSON:
 *
 *   {"seq":12,"store":"<the store's id>","prev":"<the line before's sum>", …the change…,"sum":"1a2b3c4d"}
 *
 * - `store` is the identity of the store the line belongs to (a random UUID given when the store is
 *   made, kept in its snapshot): a line, a journal or a snapshot of another store is recognised.
 * - `prev` is the `sum` of the line before it (`NO_LINE` for a store's first line): the lines form a
 *   chain, and a snapshot records the sum of the last line it holds, so it knows which line must follow.
 * - `sum` is the CRC-32 of the line's UTF-8 bytes before `,"sum":` — always the last field, always 8
 *   hex digits — so a line edited by hand, even into another valid line, is recognised.
 *
 * A checksum is not a signature: whoever can write the files can recompute it. What it stops is the
 * careless edit and the copy from elsewhere; what the data may hold is checked by storage/invariants.ts.
 */

/** The `prev` of a store's first line, and the `last` of a snapshot that holds no line's sum. */
export const NO_LINE = '00000000';

const SUM_FIELD = ',"sum":"';
/** `,"sum":"` + 8 hex digits + `"}`. */
const SUFFIX_BYTES = SUM_FIELD.length + 8 + 2;
const SUM_FIELD_BYTES = Buffer.from(SUM_FIELD, 'latin1');
const HEX = /^[0-9a-f]{8}$/;

/** A new store's identity. */
export function newStoreId(): string {
  return randomUUID();
}

/** Whether `value` is written like a sum (8 lower-case hex digits). */
export function isSum(value: string): boolean {
  return HEX.test(value);
}

function hex(check: number): string {
  return (check >>> 0).toString(16).padStart(8, '0');
}

/**
 * Seals the JSON text of one object (without a `sum`): returns the line with its `sum` as the last
 * field, and that sum.
 */
export function sealLine(json: string): { text: string; sum: string } {
  if (!json.endsWith('}')) throw new Error('a line is a JSON object');
  const sum = hex(crc32(json.slice(0, -1)));
  return { text: `${json.slice(0, -1)}${SUM_FIELD}${sum}"}`, sum };
}

/**
 * The sum a line carries and whether it is right: `sealed: false` for a line without one (written by
 * a layout before 8, or by hand), `intact: false` for a line whose bytes do not match its sum.
 * `line` is the line's UTF-8 bytes (without its newline) or its text.
 */
export function checkSeal(
  line: Uint8Array | string,
): { sealed: false } | { sealed: true; intact: boolean; sum: string } {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  const n = bytes.length;
  if (n < SUFFIX_BYTES + 1 || bytes[n - 1] !== 0x7d || bytes[n - 2] !== 0x22) return { sealed: false };
  const field = n - SUFFIX_BYTES;
  for (let i = 0; i < SUM_FIELD_BYTES.length; i += 1) {
    if (bytes[field + i] !== SUM_FIELD_BYTES[i]) return { sealed: false };
  }
  const sum = Buffer.from(bytes.buffer, bytes.byteOffset + n - 10, 8).toString('latin1');
  if (!HEX.test(sum)) return { sealed: false };
  return { sealed: true, intact: hex(crc32(bytes.subarray(0, field))) === sum, sum };
}
