import { belongs } from '../core/access.js';
import { type Command, defineCommand } from '../core/context.js';
import { say } from './lib/common.js';

/**
 * `/banlamviec`: a one-time link to the web desk (web/), for a browser outside Telegram — the Zalo
 * Bot Platform's users, a desktop. Always sent in private: whoever holds the link is signed in as the
 * caller. On Telegram the Mini App button opens the desk without a link.
 */
export const banlamviec: Command = defineCommand({
  name: 'banlamviec',
  access: 'registeredOrAdmin',
  usage: (t) => t.help.desk.usage,
  description: (t) => t.help.desk.description,
  async run(ctx) {
    const { t } = ctx;
    const viewer = {
      identity: ctx.caller.identity,
      member: ctx.member,
      admin: ctx.isAdmin,
      council: ctx.isCouncil,
    };
    if (!belongs(viewer)) return [say(t.errors.notRegistered)];
    if (!ctx.desk) return [say(t.desk.link.notServed)];
    const { url, minutes } = ctx.desk.link(ctx.caller.identity);
    const link = { html: t.desk.link.sent(url, minutes) };
    if (ctx.chat.kind === 'private') return [link];
    return [{ ...link, to: { identity: ctx.caller.identity } }, say(t.desk.link.inPrivate)];
  },
});
