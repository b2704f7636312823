/**
 * User text (an entry as a member typed it in chat) as a printed document shows it: chat markers
 * gone — a `#tag` is dropped (what it meant is recorded: unplanned task, IT model, a drive), an
 * `@name` becomes the colleague's full name when the bot knows it —, spaces single, "..." an
 * ellipsis, a doubled full stop or mark single, each sentence starting with a capital. The words
 * themselves are never changed. One reading for every file (workbook, review sheet, reports, lists).
 */
export function printable(text: string, fullNameOf?: (username: string) => string | undefined): string {
  const out = text
    // The unplanned task's tag as people type it, in two words (`#đột xuất`, `#dot-xuat`), first.
    .replace(/(^|[\s(])#(?:đột|dot)[\s_-]+(?:xuất|xuat)(?=$|[\s.,;:!?)])/giu, '$1')
    .replace(/(^|[\s(])#[\p{L}\d_]+/gu, '$1')
    .replace(/(^|[\s(])@([\p{L}\d_.]+)/gu, (_, before: string, name: string) => {
      const full = fullNameOf?.(name.replace(/\.+$/, '').toLowerCase());
      return `${before}${full ?? name}`;
    })
    .replace(/\.{2,}/g, '…')
    .replace(/([!?])\1+/g, '$1')
    .replace(/\s+([,.;:!?…])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([.!?…]\s+)(\p{Ll})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** `printable` with the store's members for `@name`. */
export function printableFrom(store: {
  memberByUsername(username: string): { fullName: string } | undefined;
}): (text: string) => string {
  return (text) => printable(text, (username) => store.memberByUsername(username)?.fullName);
}

/** Printable text as a sentence: ending with its own mark, or a full stop added. */
export function asSentence(text: string): string {
  const out = printable(text);
  return out && !/[.!?…]$/.test(out) ? `${out}.` : out;
}
