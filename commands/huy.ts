import type { Command } from '../core/context.js';
import { esc } from '../core/text.js';
import { refuse, say, words } from './lib/common.js';

export const huy: Command = {
  name: 'huy',
  access: 'registeredOrAdmin',
  usage: (t) => t.help.withdraw.usage,
  description: (t) => t.help.withdraw.description,
  async run(ctx) {
    const { t, store, member, isAdmin } = ctx;
    const code = words(ctx.args)[0];
    if (!code) return refuse(ctx, huy, t.withdraw.missingCode);
    const entry = store.entry(code);
    if (!entry) return refuse(ctx, huy, t.withdraw.unknownCode(esc(code)));
    if (entry.reporterId !== member?.id && !isAdmin) return [say(t.withdraw.notYours(entry.code))];
    if (entry.status !== 'active') return [say(t.withdraw.alreadyWithdrawn(entry.code))];
    await store.withdrawEntry(entry.code, member?.id ?? ctx.caller.identity, ctx.platform, ctx.now);
    return [say(t.withdraw.done(entry.code, t.points(entry.points)))];
  },
};
