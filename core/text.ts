/**
 * The longest text of an entry any setting allows (`limits.textMaxLength` in config/agency.json is at
 * most this), in characters: a longer one in the store was not written by a command.
 */
export const TEXT_MAX_LENGTH = 3500;

/** Lower case, no diacritics (đ → d), single spaces: how names and departments are matched. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * `fold`, with the spellings Vietnamese writes either way made one: a syllable's last `y` after its
 * consonants as `i` (`sỹ`/`sĩ`, `kỹ`/`kĩ`, `lý`/`lí`, `quý`/`quí`; `thủy`, `tuy` keep theirs). How a
 * title or an award is matched, whichever spelling the writer learnt.
 */
export function spelled(text: string): string {
  return fold(text).replace(/(?<=\b(?:[bcdghklmnprstvx]+|qu))y\b/g, 'i');
}

/**
 * `#tag` as a word of its own in a text, in any case (`#chuyendoiso`, `#ChuyenDoiSo.`, not
 * `#chuyendoisoxanh`): how an entry's text puts it in a drive (core/nominations.ts, the store's reads).
 */
export function tagPattern(tag: string): RegExp {
  return new RegExp(`(^|\\s)#${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s.,;!?])`, 'i');
}

/** `#` and letters and digits, as a word of its own (tagPattern's rule): the tags an index can hold. */
const TAGS = /(?:^|\s)#([A-Za-z0-9]+)(?=$|[\s.,;!?])/g;

/** Whether `tag` is made of letters and digits (every tag a plan names): one `tagsIn` finds. */
export function indexableTag(tag: string): boolean {
  return /^[A-Za-z0-9]+$/.test(tag);
}

/**
 * The tags of letters and digits a text carries, lower-cased, each once: `tagPattern(tag)` finds such
 * a tag in the text exactly when it is among them (in any case: the pattern's `i` flag makes ASCII
 * letters match ASCII letters only). What the store's tag index holds (storage/indexes.ts).
 */
export function tagsIn(text: string): string[] {
  if (!text.includes('#')) return [];
  const found: string[] = [];
  for (const match of text.matchAll(TAGS)) {
    const tag = (match[1] as string).toLowerCase();
    if (!found.includes(tag)) found.push(tag);
  }
  return found;
}

/** A file name in plain ASCII: `tong-hop-thi-dua-thang-11-2026.xlsx`. */
export function fileName(...parts: string[]): string {
  return fold(parts.join(' '))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * User text made safe to store and to echo, once, where it enters: well-formed Unicode (a lone UTF-16
 * surrogate becomes U+FFFD) and no control characters but line breaks, nor U+FFFE or U+FFFF (these
 * become spaces): nothing XML 1.0 forbids, so every file the bot writes can hold the text. Each
 * replaced unit keeps its length, so mention offsets into the text stay right. Telegram refuses a
 * whole message that holds a lone surrogate or a NUL, so one such entry could otherwise stop the
 * weekly post for everyone.
 */
export function cleanText(text: string): string {
  const wellFormed = text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
  // Controls, and the noncharacters U+FFFE and U+FFFF, which XML 1.0 forbids (a workbook holding one
  // is a file Excel calls corrupt: reports/xml-text.ts guards the writers too).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return wellFormed.replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, ' ');
}

/** Shortens text for lists, on a character boundary (not inside a surrogate pair). */
export function preview(text: string, max = 120): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Splits a message into parts of at most `limit` UTF-16 units, at line breaks. A single line longer
 * than the limit is cut at a space, never inside an HTML tag or entity. Telegram's limit is 4,096.
 */
export function splitMessage(text: string, limit = 4096): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) parts.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    push();
    let rest = line;
    while (rest.length > limit) {
      const cut = safeCut(rest, limit);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut).replace(/^ +/, '');
    }
    current = rest;
  }
  push();
  return parts;
}

function safeCut(line: string, limit: number): number {
  let cut = line.lastIndexOf(' ', limit);
  if (cut < limit / 2) cut = limit;
  // Step back out of an unfinished tag or entity, and off a lone high surrogate.
  const open = Math.max(line.lastIndexOf('<', cut - 1), line.lastIndexOf('&', cut - 1));
  if (open !== -1) {
    const close = line.slice(open, cut).search(/[>;]/);
    if (close === -1) cut = open;
  }
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(cut, 1);
}
