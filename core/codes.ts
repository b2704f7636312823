import type { EntryKind } from './domain.js';

/** The one owner of the entry code format: a kind's prefix and a number shared by all kinds (`VT12`). */
const PREFIX: Record<EntryKind, string> = { deed: 'VT', task: 'HT', initiative: 'SK' };

export function entryCode(kind: EntryKind, no: number): string {
  return `${PREFIX[kind]}${no}`;
}

/** The number of a well-formed code (`VT12` → 12). */
export function entryNo(code: string): number {
  return Number(code.slice(2));
}

/**
 * A code as people type it — `VT12`, `vt-12`, `#12`, `12` — case and punctuation ignored; undefined
 * when it cannot be one. `prefix` is upper case when given.
 */
export function readCode(text: string): { prefix?: string; no: number } | undefined {
  const match = /^([a-z]{2})?(\d{1,9})$/i.exec(text.replace(/[\s\-#_.]/g, ''));
  if (!match) return undefined;
  return { ...(match[1] ? { prefix: match[1].toUpperCase() } : {}), no: Number(match[2]) };
}

/** Whether a word is a kind's two letters alone (`ht` of `ht 2`, a code typed with a space). */
export function isCodePrefix(word: string): boolean {
  return Object.values(PREFIX).includes(word.toUpperCase());
}

/** Whether a word is written like an entry code with its prefix (`SK4`, `vt-12`), e.g. to tell it from a name. */
export function looksLikeCode(word: string): boolean {
  return /^[a-z]{2}-?\d+$/i.test(word);
}
