import type { Command, CommandContext, Reply } from '../core/context.js';
import { esc } from '../core/text.js';
import { departmentName, findDepartment, refuse, say } from './lib/common.js';

const MAX_NAME = 80;

/** The department list as choices that re-run /dangky with the department's number. */
function pickDepartment(ctx: CommandContext, fullName: string, problem?: string): Reply[] {
  const { t, agency } = ctx;
  const choices = agency.departments.map((d, i) => ({
    label: d.name,
    command: `/dangky ${fullName} | ${i + 1}`,
  }));
  return [
    {
      ...say(problem, fullName ? t.register.pickDepartment(esc(fullName)) : t.register.departmentList),
      choices,
    },
  ];
}

export const dangky: Command = {
  name: 'dangky',
  access: 'anyone',
  usage: (t) => t.help.register.usage,
  description: (t) => t.help.register.description,
  async run(ctx) {
    const { t, args, store, caller } = ctx;
    const bar = args.indexOf('|');
    const fullName = (bar === -1 ? args : args.slice(0, bar)).replace(/\s+/g, ' ').trim();
    const query = bar === -1 ? '' : args.slice(bar + 1).trim();
    if (!fullName || !/\p{L}/u.test(fullName)) return refuse(ctx, dangky, t.register.missingName);
    if (Array.from(fullName).length > MAX_NAME) return refuse(ctx, dangky, t.register.nameTooLong(MAX_NAME));
    if (!query) return pickDepartment(ctx, fullName);
    const department = findDepartment(ctx.agency, query);
    if (!department) return pickDepartment(ctx, fullName, t.register.unknownDepartment(esc(query)));
    if (!(await ctx.isGroupMember())) return [say(t.errors.notGroupMember)];

    const existed = store.memberByIdentity(caller.identity) !== undefined;
    const member = await store.saveMember({
      identity: caller.identity,
      username: caller.username,
      fullName,
      departmentId: department.id,
      at: ctx.now,
      platform: ctx.platform,
    });
    const name = esc(member.fullName);
    const dept = esc(departmentName(ctx.agency, member.departmentId, t));
    return [
      say(
        existed ? t.register.updated(name, dept) : t.register.created(name, dept),
        !existed && t.register.next,
      ),
    ];
  },
};
