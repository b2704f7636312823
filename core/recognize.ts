import { fold } from './text.js';

/** A command as typed: `/name`, `/name@bot` and what follows. */
export interface ParsedCommand {
  /** The name as the registry spells it: diacritics and capitals folded away (`/VIỆCTỐT` → `viectot`). */
  name: string;
  /** The bot a group command was addressed to (`/cmd@bot`), if any. */
  target: string | undefined;
  args: string;
  /** Where `args` starts in the text, in UTF-16 units (mention offsets are moved by it). */
  argsOffset: number;
}

/**
 * Reads `/name`, `/name@bot` and what follows; null when the text does not start with a slash and a
 * name. The name is folded (no diacritics, lower case), so `/việctốt` and `/VIECTOT` read as `viectot`:
 * Telegram marks only `/` + Latin letters as a command, but people type what their keyboard gives.
 */
export function parseCommand(text: string): ParsedCommand | null {
  const lead = text.length - text.trimStart().length;
  const match = /^\/([\p{L}\p{M}\p{N}_]{1,64})(?:@([A-Za-z0-9_]{3,64}))?(?=$|\s)([\s\S]*)$/u.exec(
    text.slice(lead),
  );
  if (!match) return null;
  const rest = match[3] ?? '';
  const args = rest.trim();
  const argsOffset = lead + (text.length - lead - rest.length) + (rest.length - rest.trimStart().length);
  return { name: fold(match[1] as string).replace(/\s+/g, ''), target: match[2], args, argsOffset };
}

/** What a message says to the bot, read the same way for every platform. */
export type Recognized =
  /** A command of the registry, however its name was typed (diacritics, capitals). */
  | { kind: 'command'; command: ParsedCommand }
  /**
   * Almost a command: a typo (`/vietot`), a name split in words (`/viec tot`, `/dang ky thi dua`), no
   * slash (`viectot …`). `names` are the commands meant (two when a typo is as near to both), `args`
   * what followed, as typed. `clear`: plainly meant as a command (a slash, or one joined word such as
   * `viectot` that no sentence holds), so worth an answer in a group even when not addressed to the bot.
   */
  | { kind: 'nearMiss'; names: string[]; args: string; clear: boolean }
  /** `/something` that is no command of this bot and near none. */
  | { kind: 'unknown'; command: ParsedCommand }
  /** Anything else: words, a greeting. */
  | { kind: 'text' };

/** The most words a split command name is read from (`/bao cao thanh tich`). */
const MAX_SPLIT = 4;

/**
 * Reads a message against the command names (`names`, aliases included): a command, a near miss to
 * suggest, an unknown command, or plain text. `/cmd@otherbot` is dropped by the platform that has
 * bot usernames (bot/telegram/platform.ts) before it reaches the core.
 */
export function recognize(text: string, names: ReadonlySet<string>): Recognized {
  const parsed = parseCommand(text);
  if (parsed) {
    if (names.has(parsed.name)) return { kind: 'command', command: parsed };
    const near = nearMiss(text.trimStart().slice(1), names) ?? partOfName(text.trimStart().slice(1), names);
    // Part of a name is a guess: in a group it is answered only when addressed to the bot (another
    // bot's `/thanhtich` is not ours).
    return near
      ? { kind: 'nearMiss', names: near.names, args: near.args, clear: !near.part }
      : { kind: 'unknown', command: parsed };
  }
  // `@bot xin chào`, `@bot viectot …`: a leading mention only says who the words are for.
  const trimmed = withoutLeadingMentions(text);
  if (trimmed.startsWith('/')) {
    // `/ viectot …`, a slash and a space.
    const near = nearMiss(trimmed.slice(1), names) ?? partOfName(trimmed.slice(1), names);
    return near
      ? { kind: 'nearMiss', names: near.names, args: near.args, clear: !near.part }
      : { kind: 'text' };
  }
  const near = nearMiss(trimmed, names);
  if (!near) return { kind: 'text' };
  // Without a slash, a short name (`huy`, `duyet`) is an everyday word unless an entry's code follows
  // (`huy VT12`); a longer one, or one split in words, is meant. One joined word that is a command's
  // name (`viectot`, `bangxephang`) is no Vietnamese prose: plainly a command, even in a group.
  const first = firstWord(trimmed);
  if (near.used === 1 && fold(first).length < 6 && !/^[a-z]{2}\d+\b/i.test(near.args))
    return { kind: 'text' };
  const clear = near.exact && near.used === 1 && fold(first).length >= 6;
  return { kind: 'nearMiss', names: near.names, args: near.args, clear };
}

/** The text without the @mentions it opens with. */
export function withoutLeadingMentions(text: string): string {
  return text.trim().replace(/^(@[A-Za-z0-9_]{3,}[\s,:]+)+/, '');
}

function firstWord(text: string): string {
  return text.split(/\s+/, 1)[0] ?? '';
}

interface Near {
  names: string[];
  args: string;
  /** The name matched exactly (joined or without a slash), not through a typo. */
  exact: boolean;
  /** How many words the name took. */
  used: number;
  /** Found as part of a name (partOfName): a guess, never plainly a command. */
  part?: boolean;
}

/**
 * The command `text` (without its slash) comes nearest to: its first words joined (`viec tot` →
 * viectot; the most words that make a name win, so `dang ky thi dua` is dangkythidua, not dangky),
 * else its first word within a typo of a name (one letter for names up to 8 letters, two beyond;
 * none for names of 4 letters or fewer, which a typo turns into other words).
 */
function nearMiss(text: string, names: ReadonlySet<string>): Near | null {
  const tokens = [...text.matchAll(/\S+/g)].slice(0, MAX_SPLIT);
  if (!tokens.length) return null;
  const folded = tokens.map((t) =>
    fold(t[0])
      .replace(/@[A-Za-z0-9_]+$/, '')
      .replace(/[,.;:!?]+$/, ''),
  );
  const argsAfter = (used: number) => {
    const last = tokens[used - 1] as RegExpMatchArray;
    return text.slice((last.index ?? 0) + last[0].length).trim();
  };
  for (let used = Math.min(MAX_SPLIT, tokens.length); used >= 1; used -= 1) {
    const joined = folded.slice(0, used).join('');
    if (/^[a-z0-9_]+$/.test(joined) && names.has(joined))
      return { names: [joined], args: argsAfter(used), exact: true, used };
  }
  const first = folded[0] as string;
  if (!/^[a-z0-9_]+$/.test(first)) return null;
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const name of names) {
    const allowed = name.length <= 4 ? 0 : name.length <= 8 ? 1 : 2;
    if (allowed === 0 || Math.abs(name.length - first.length) > allowed) continue;
    const distance = editDistance(first, name);
    if (distance > allowed || distance > best) continue;
    if (distance < best) found = [];
    best = distance;
    found.push(name);
  }
  return found.length ? { names: found.sort(), args: argsAfter(1), exact: false, used: 1 } : null;
}

/**
 * After a slash only: the commands whose names hold the first word whole (`/xephang` → bangxephang,
 * `/thanhtich` → baocaothanhtich), for a word of five letters or more — part of a name remembered.
 */
function partOfName(text: string, names: ReadonlySet<string>): Near | null {
  const token = /\S+/.exec(text);
  if (!token) return null;
  const word = fold(token[0]).replace(/@[A-Za-z0-9_]+$/, '');
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return null;
  const found = [...names].filter((name) => name !== word && name.includes(word)).sort();
  if (!found.length || found.length > 3) return null;
  return {
    names: found,
    args: text.slice(token.index + token[0].length).trim(),
    exact: false,
    used: 1,
    part: true,
  };
}

/** Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters is one typo. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j] as number;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}
