import type { CommandContext } from '../../core/context.js';
import type { Member } from '../../core/domain.js';
import { fold } from '../../core/text.js';

/** Trailing words that answer a question the bot asked (a button's command carries them). */
export const CONFIRM = 'xacnhan';
export const KEEP_NAME = 'giunguyen';

/** Splits trailing answer words (`xacnhan`, `giunguyen`) off a list of words. */
export function answers(tokens: readonly string[]): { rest: string[]; flags: Set<string> } {
  const rest = [...tokens];
  const flags = new Set<string>();
  while (rest.length && [CONFIRM, KEEP_NAME].includes(fold(rest.at(-1) ?? '')))
    flags.add(fold(rest.pop() ?? ''));
  return { rest, flags };
}

/** Two names are the same when they differ only in case, spacing or Unicode composition. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
  return norm(a) === norm(b);
}

/**
 * A name typed without any diacritic, or with a word not capitalised (`nguyen van nam`, `Trần văn
 * Hùng`): official reports print names as registered, so the bot asks once before keeping it.
 */
export function looksUnofficial(name: string): boolean {
  const hasDiacritic = /\p{M}/u.test(name.normalize('NFD')) || /[đĐ]/.test(name);
  const capitalised = name.split(/\s+/).every((word) => !/^\p{Ll}/u.test(word));
  return !hasDiacritic || !capitalised;
}

/**
 * The member a command names: a mention written first, a member id (`m12`, as the bot's own buttons
 * write), or a full name as registered (case and diacritics ignored, if only one member has it).
 */
export function findMember(ctx: CommandContext, query: string): Member | undefined {
  const { store } = ctx;
  const mention = ctx.mentions.find((m) => m.offset === 0);
  if (mention && query.startsWith(mention.label)) {
    return (
      (mention.identity && store.memberByIdentity(mention.identity)) ||
      (mention.username && store.memberByUsername(mention.username)) ||
      undefined
    );
  }
  const q = query.trim();
  if (/^m\d+$/.test(q)) return store.member(q);
  if (q.startsWith('@')) return store.memberByUsername(q);
  const matches = store.members.filter((m) => fold(m.fullName) === fold(q));
  return matches.length === 1 ? matches[0] : undefined;
}
