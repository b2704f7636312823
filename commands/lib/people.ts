import type { CommandContext, Reply } from '../../core/context.js';
import type { Member } from '../../core/domain.js';
import { fold } from '../../core/text.js';
import { say } from './common.js';

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
  const matches = membersNamed(ctx, q);
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * The members a name may mean, case and diacritics ignored: those with that full name, else those
 * whose name ends with it — a first name (`hùng`), or the last words (`văn hùng`) — among members
 * who have not left. Several: the caller is asked which one (pickMember).
 */
export function membersNamed(ctx: Pick<CommandContext, 'store'>, query: string): Member[] {
  const q = fold(query);
  if (!q || /[\d@|]/.test(q) || q.split(' ').length > 4) return [];
  const members = ctx.store.members;
  const exact = members.filter((m) => fold(m.fullName) === q);
  if (exact.length) return exact;
  return members.filter((m) => !m.leftAt && ` ${fold(m.fullName)}`.endsWith(` ${q}`));
}

/**
 * The member `query` names (findMember), or — when a first name fits several — the question which
 * one, as numbered choices that run the command again with the full name (`again`), and "Hủy".
 * Undefined when nobody fits.
 */
export function pickMember(
  ctx: CommandContext,
  query: string,
  again: (ref: string) => string,
): Member | Reply[] | undefined {
  const member = findMember(ctx, query);
  if (member) return member;
  const fits = membersNamed(ctx, query);
  if (fits.length < 2) return undefined;
  const { t, agency } = ctx;
  const department = (m: Member) => agency.departments.find((d) => d.id === m.departmentId)?.name ?? '';
  return [
    {
      ...say(t.people.whichOne(query, fits.length)),
      choices: [
        ...fits.map((m) => ({
          label: t.people.choice(m.fullName, department(m)),
          command: again(memberRef(ctx, m)),
        })),
        { label: t.cancel, command: '/khong' },
      ],
    },
  ];
}

/**
 * How a button's command names a member: by full name (what a reader of the command sees on a
 * platform without buttons), or by id when another member shares the name as findMember reads it.
 */
export function memberRef(ctx: Pick<CommandContext, 'store'>, member: Member): string {
  const same = ctx.store.members.filter((m) => fold(m.fullName) === fold(member.fullName));
  return same.length === 1 && !/[|]/.test(member.fullName) ? member.fullName : member.id;
}
