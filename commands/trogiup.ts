import { type Command, defineCommand, HELP_GROUPS, mayRun } from '../core/context.js';
import { html } from '../core/html.js';
import { fold } from '../core/text.js';
import { say } from './lib/common.js';

/** Built with the registry, so that help lists exactly the commands the router knows. */
export function createHelp(all: () => readonly Command[]): Command {
  const help: Command = defineCommand({
    name: 'trogiup',
    aliases: ['help'],
    access: 'anyone',
    usage: (t) => t.help.help.usage,
    description: (t) => t.help.help.description,
    async run({ t, member, isAdmin, isCouncil, args }) {
      const roles = { registered: member !== undefined, admin: isAdmin, council: isCouncil };
      const allowed = all().filter((c) => !c.hidden && mayRun(c.access, roles));
      const line = (c: Command) => html`<code>${c.usage(t)}</code> — ${c.description(t)}`;
      // A group asked for by name (`/trogiup binhxet`): its commands in full.
      const asked = fold(args).replace(/\s+/g, '');
      const group = allowed.filter((c) => c.group !== undefined && c.group === asked);
      if (group.length)
        return [say(t.council.helpGroup.titles[group[0]?.group ?? 'binhxet'], ...group.map(line))];
      const lines = allowed.filter((c) => !c.group).map(line);
      for (const name of HELP_GROUPS) {
        const grouped = allowed.filter((c) => c.group === name).length;
        if (grouped) lines.push(t.council.helpGroup.lines[name](grouped));
      }
      return [say(t.help.title, ...lines, '', t.help.photoTip, member ? undefined : t.start.howToRegister)];
    },
  });
  return help;
}
