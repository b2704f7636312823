import { departmentName } from '../core/agency.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import type { HtmlPart } from '../core/html.js';
import { cancelChoice } from './khong.js';
import { findDepartment, refuse, say } from './lib/common.js';
import { requestToJoin } from './lib/join.js';
import { answers, CONFIRM, KEEP_NAME, looksUnofficial, sameName } from './lib/people.js';

const MAX_NAME = 80;

/** The department list as choices that re-run /dangky with the department's name. */
function pickDepartment(ctx: CommandContext, fullName: string, problem?: HtmlPart): Reply[] {
  const { t, agency } = ctx;
  const choices = agency.departments.map((d) => ({
    label: d.name,
    command: `/dangky ${fullName} | ${d.name}`,
  }));
  return [
    {
      ...say(problem, fullName ? t.register.pickDepartment(fullName) : t.register.departmentList),
      choices,
    },
  ];
}

/** A department named exactly (by id or whole name), not a partial match: for telling a name from one. */
function exactDepartment(ctx: CommandContext, text: string) {
  const found = findDepartment(ctx.agency, text);
  return found && (found.id === text.trim().toLowerCase() || sameName(found.name, text)) ? found : undefined;
}

/**
 * `/dangky Họ và tên | Phòng`: registers the caller, or updates their name. A different department
 * is a move: asked to confirm first (past entries keep counting where they were earned). A name
 * without diacritics or capitals, a department in the name's place, or another member's exact name
 * are caught before anything is saved. On a platform without a group (the Zalo Bot Platform), someone
 * not yet registered sends a request that an admin approves with /duyetdangky.
 */
export const dangky: Command = defineCommand({
  name: 'dangky',
  access: 'anyone',
  writes: true,
  usage: (t) => t.help.register.usage,
  description: (t) => t.help.register.description,
  async run(ctx) {
    const { t, args, store, caller } = ctx;
    const bar = args.indexOf('|');
    const fullName = (bar === -1 ? args : args.slice(0, bar)).replace(/\s+/g, ' ').trim();
    const { rest, flags } = answers(
      bar === -1
        ? []
        : args
            .slice(bar + 1)
            .split(/\s+/)
            .filter(Boolean),
    );
    const query = rest.join(' ');
    if (!fullName || !/\p{L}/u.test(fullName)) return refuse(ctx, dangky, t.register.missingName);
    if (Array.from(fullName).length > MAX_NAME) return refuse(ctx, dangky, t.register.nameTooLong(MAX_NAME));

    // `/dangky Phòng Cán bộ | Nguyễn Văn A`: the department is where the name goes.
    const misplaced = exactDepartment(ctx, fullName);
    if (misplaced) {
      const swapped = query && !findDepartment(ctx.agency, query);
      return [
        {
          ...refuse(ctx, dangky, t.register.departmentAsName(misplaced.name))[0],
          ...(swapped
            ? {
                choices: [
                  {
                    label: t.register.swappedChoice(query, misplaced.name),
                    command: `/dangky ${query} | ${misplaced.name}`,
                  },
                  cancelChoice(t),
                ],
              }
            : {}),
        } as Reply,
      ];
    }
    if (!query) return pickDepartment(ctx, fullName);
    const department = findDepartment(ctx.agency, query);
    if (!department) return pickDepartment(ctx, fullName, t.register.unknownDepartment(query));
    const inAgency = await ctx.isGroupMember();
    if (!inAgency && ctx.membership === 'group') return [say(t.errors.notGroupMember)];

    const existing = store.memberByIdentity(caller.identity);
    const namesake = store.members.find((m) => m.id !== existing?.id && sameName(m.fullName, fullName));
    if (namesake) return refuse(ctx, dangky, t.register.sameName(fullName));
    const again = (...more: string[]) => `/dangky ${fullName} | ${department.name} ${more.join(' ')}`.trim();
    if (!flags.has(KEEP_NAME) && existing?.fullName !== fullName && looksUnofficial(fullName)) {
      return [
        {
          ...say(t.register.plainName(fullName)),
          choices: [
            {
              label: t.register.keepName(fullName),
              command: again(KEEP_NAME, ...(flags.has(CONFIRM) ? [CONFIRM] : [])),
            },
            cancelChoice(t),
          ],
        },
      ];
    }
    const name = fullName;
    const dept = department.name;
    // Without a group to check against, an admin approves the request (./duyetdangky.ts).
    if (!inAgency) return requestToJoin(ctx, fullName, department);
    if (existing && existing.departmentId !== department.id && !flags.has(CONFIRM)) {
      const from = departmentName(ctx.agency, existing.departmentId, t);
      return [
        {
          ...say(t.register.confirmMove(name, from, dept)),
          choices: [
            {
              label: t.register.confirmMoveButton(department.name),
              command: again(...(flags.has(KEEP_NAME) ? [KEEP_NAME] : []), CONFIRM),
            },
            cancelChoice(t),
          ],
        },
      ];
    }

    const member = await store.saveMember(
      { identity: caller.identity, username: caller.username, fullName, departmentId: department.id },
      ctx.actor,
    );
    if (existing && existing.departmentId !== member.departmentId) {
      const from = departmentName(ctx.agency, existing.departmentId, t);
      return [say(t.register.moved(member.fullName, from, dept))];
    }
    return [
      say(
        existing ? t.register.updated(name, dept) : t.register.created(name, dept),
        !existing && t.register.next,
      ),
    ];
  },
});
