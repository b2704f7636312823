import { type Command, defineCommand, type Reply } from '../core/context.js';
import { fold } from '../core/text.js';
import { cancelChoice } from './khong.js';
import { say, words } from './lib/common.js';
import { CONFIRM } from './lib/people.js';
import { postArg, postParts } from './lib/scheduled.js';

/** `/dangngay bangxephang|thang`: posts a scheduled post to the whole group now, once confirmed. */
export const dangngay: Command = defineCommand({
  name: 'dangngay',
  access: 'admin',
  usage: (t) => t.help.postNow.usage,
  description: (t) => t.help.postNow.description,
  async run(ctx) {
    const { t } = ctx;
    const arg = postArg(ctx, dangngay, ['bangxephang', 'thang']);
    if (Array.isArray(arg)) return arg;
    if (fold(words(ctx.args)[1] ?? '') !== CONFIRM) {
      return [
        {
          ...say(t.posts.confirmPost(t.posts.postNames[arg.name])),
          choices: [
            { label: t.posts.confirmPostButton, command: `/dangngay ${arg.name} ${CONFIRM}` },
            cancelChoice(t),
          ],
        },
      ];
    }
    // The answer comes first, so it replaces the question and its button: pressed twice, nothing posts twice.
    const parts = await postParts(arg.name, arg.post, ctx.now, ctx.log);
    return [say(t.posts.posted), ...parts.map((part): Reply => ({ ...part, to: 'group' }))];
  },
});
