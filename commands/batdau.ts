import { departmentName } from '../core/agency.js';
import { type Command, defineCommand } from '../core/context.js';
import { say } from './lib/common.js';

export const batdau: Command = defineCommand({
  name: 'batdau',
  aliases: ['start'],
  access: 'anyone',
  usage: (t) => t.help.start.usage,
  description: (t) => t.help.start.description,
  async run({ t, caller, member, agency }) {
    return [
      say(
        t.start.greeting(member?.fullName ?? caller.displayName, agency.agency.name),
        t.start.purpose,
        '',
        member
          ? t.start.registered(member.fullName, departmentName(agency, member.departmentId, t))
          : t.start.howToRegister,
        t.start.moreHelp,
      ),
    ];
  },
});
