import { type Command, mayRun } from '../core/context.js';
import { html } from '../core/html.js';
import { say } from './lib/common.js';

/** Built with the registry, so that help lists exactly the commands the router knows. */
export function createHelp(all: () => readonly Command[]): Command {
  const help: Command = {
    name: 'trogiup',
    aliases: ['help'],
    access: 'anyone',
    usage: (t) => t.help.help.usage,
    description: (t) => t.help.help.description,
    async run({ t, member, isAdmin, isCouncil }) {
      const roles = { registered: member !== undefined, admin: isAdmin, council: isCouncil };
      const allowed = all().filter((c) => !c.hidden && mayRun(c.access, roles));
      const lines = allowed.map((c) => html`<code>${c.usage(t)}</code> — ${c.description(t)}`);
      return [say(t.help.title, ...lines, '', t.help.photoTip, member ? undefined : t.start.howToRegister)];
    },
  };
  return help;
}
