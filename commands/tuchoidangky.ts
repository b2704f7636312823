import { type Command, defineCommand } from '../core/context.js';
import { identityKey, parseIdentity } from '../core/identity.js';
import { clip, refuse, say } from './lib/common.js';
import { forgetRequest } from './lib/join.js';

/**
 * `/tuchoidangky TÀI_KHOẢN [lý do]` (admins): turns down a registration request; the person is told,
 * with the reason when one is given. Nothing was stored for the request, so nothing changes.
 */
export const tuchoidangky: Command = defineCommand({
  name: 'tuchoidangky',
  access: 'admin',
  usage: (t) => t.help.refuseJoin.usage,
  description: (t) => t.help.refuseJoin.description,
  async run(ctx) {
    const { t, store } = ctx;
    const [account = '', ...rest] = ctx.args.split(/\s+/);
    const identity = parseIdentity(account);
    if (!account) return refuse(ctx, tuchoidangky, t.join.missingAccount);
    if (!identity) return refuse(ctx, tuchoidangky, t.join.badAccount(clip(account, 60)));
    const key = identityKey(identity.platform, identity.id);
    const existing = store.memberByIdentity(key);
    if (existing) return [say(t.join.alreadyMember(existing.fullName))];
    forgetRequest(ctx, key);
    ctx.log.info({ account: key, by: ctx.actor.by }, 'registration request turned down');
    const reason = rest.join(' ').trim();
    return [
      say(t.join.refused(key)),
      { html: t.join.refusedNotice(reason ? clip(reason, 300) : ''), to: { identity: key } },
    ];
  },
});
