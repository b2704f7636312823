import { type Command, defineCommand } from '../core/context.js';
import { parseIdentity } from '../core/identity.js';
import { LINK_CODE_MINUTES } from '../core/link-codes.js';
import type { RepositoryReads } from '../core/repository.js';
import { clip, refuse, say, words } from './lib/common.js';

/**
 * Links a person's accounts on two platforms: `/lienket` where they are registered gives a one-time
 * code; `/lienket CODE` from the other platform joins that account to the same profile (and, if it had
 * a profile of its own, merges it), so they have one profile and one score. Only people in the agency
 * group may try a code — a stranger's guesses neither count nor spend anyone's code.
 */
export const lienket: Command = defineCommand({
  name: 'lienket',
  access: 'anyone',
  writes: true,
  usage: (t) => t.help.link.usage,
  description: (t) => t.help.link.description,
  async run(ctx) {
    const { t, store, links, caller } = ctx;
    const code = words(ctx.args)[0];
    if (!code) {
      if (!ctx.member) return [say(t.errors.notRegistered)];
      const issued = links.issue(ctx.member.id, caller.identity, ctx.now);
      // The code is personal: in a group it goes to the caller in private.
      const to = ctx.chat.kind === 'private' ? ('chat' as const) : { identity: caller.identity };
      return [{ html: t.link.issued(issued, LINK_CODE_MINUTES), to }];
    }
    // Membership first: only people in the agency's group may join a profile, as only they may register.
    // Where there is no group (the Zalo Bot Platform), the code itself, sent in private to a registered
    // member, is the proof.
    if (ctx.membership === 'group' && !(await ctx.isGroupMember())) return [say(t.errors.notGroupMember)];
    if (links.blocked(caller.identity, ctx.now)) return [say(t.link.tooManyTries)];
    const pending = links.peek(code, ctx.now);
    if (pending === 'unknown') {
      links.failed(caller.identity, ctx.now);
      return refuse(ctx, lienket, t.link.wrongCode(clip(code, 20)));
    }
    if (pending === 'expired') return refuse(ctx, lienket, t.link.expiredCode);
    if (parseIdentity(pending.identity)?.platform === parseIdentity(caller.identity)?.platform) {
      return [say(t.link.samePlatform)];
    }
    const target = store.member(pending.memberId);
    if (!target) return refuse(ctx, lienket, t.link.expiredCode);
    if (ctx.member?.id === target.id) return [say(t.link.alreadyLinked(target.fullName))];
    links.spend(code);
    const before = ctx.member ? entriesOf(store, ctx.member.id) : 0;
    const linked = await store.linkIdentity(target.id, caller.identity, ctx.actor);
    return [say(t.link.linked(linked.fullName), before > 0 && t.link.merged(before))];
  },
});

/**
 * How many entries, of every year, are credited to or were logged by member `id` (those a merge moves):
 * found in the store's columns, only that member's are built.
 */
function entriesOf(store: RepositoryReads, id: string): number {
  const always = [new Date(-8.64e15), new Date(8.64e15)] as const;
  const codes = new Set<string>();
  for (const of of [{ memberId: id }, { reporterId: id }]) {
    for (const e of store.entriesBetween(...always, of)) codes.add(e.code);
  }
  return codes.size;
}
