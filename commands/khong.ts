import { type Choice, type Command, defineCommand } from '../core/context.js';
import type { Messages } from '../locales/index.js';
import { say } from './lib/common.js';

/** The command the "Hủy" button beside every confirmation runs. */
export const CANCEL = '/khong';

/** The "Hủy" choice, offered beside every confirmation and question the bot asks. */
export function cancelChoice(t: Messages): Choice {
  return { label: t.cancel, command: CANCEL };
}

/**
 * `/khong`: the answer "no" to a question the bot asked (the "Hủy" button beside every confirmation):
 * nothing is changed, and the answer says so — on Telegram it replaces the question and its buttons.
 */
export const khong: Command = defineCommand({
  name: 'khong',
  access: 'anyone',
  hidden: true,
  usage: (t) => t.help.cancel.usage,
  description: (t) => t.help.cancel.description,
  async run({ t }) {
    return [say(t.cancelled)];
  },
});
