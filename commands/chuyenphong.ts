import { departmentName } from '../core/agency.js';
import { type Command, defineCommand } from '../core/context.js';
import { cancelChoice } from './khong.js';
import { clip, departmentList, findDepartment, refuse, say } from './lib/common.js';
import { answers, CONFIRM, memberRef, pickMember } from './lib/people.js';
import { notice } from './lib/review.js';

/**
 * `/chuyenphong Phòng` moves the caller, `/chuyenphong @người | Phòng` (admins) moves a colleague,
 * from today on: entries logged before keep counting for the old department. Always asked to
 * confirm first; the move is in the member's history, and a member moved by an admin is told.
 */
export const chuyenphong: Command = defineCommand({
  name: 'chuyenphong',
  access: 'registeredOrAdmin',
  writes: true,
  usage: (t) => t.help.move.usage,
  description: (t) => t.help.move.description,
  async run(ctx) {
    const { t, store, agency } = ctx;
    const bar = ctx.args.indexOf('|');
    const who = bar === -1 ? '' : ctx.args.slice(0, bar).trim();
    const { rest, flags } = answers(
      (bar === -1 ? ctx.args : ctx.args.slice(bar + 1)).split(/\s+/).filter(Boolean),
    );
    const picked = who
      ? pickMember(ctx, who, (ref) => `/chuyenphong ${ref} | ${rest.join(' ')}`)
      : ctx.member;
    if (Array.isArray(picked)) return picked;
    const member = picked;
    if (who && !member) return refuse(ctx, chuyenphong, t.register.unknownPerson(clip(who)));
    if (!member) return [say(t.errors.notRegistered)];
    if (member.id !== ctx.member?.id && !ctx.isAdmin) return [say(t.register.moveOthersAdminOnly)];
    const query = rest.join(' ');
    if (!query) return refuse(ctx, chuyenphong, t.register.missingMoveDepartment, ...departmentList(ctx));
    const department = findDepartment(agency, query);
    if (!department) {
      return refuse(ctx, chuyenphong, t.register.unknownDepartment(clip(query)), ...departmentList(ctx));
    }
    const name = member.fullName;
    const from = departmentName(agency, member.departmentId, t);
    const to = department.name;
    if (member.departmentId === department.id) return [say(t.register.alreadyThere(name, to))];
    if (!flags.has(CONFIRM)) {
      const self = member.id === ctx.member?.id;
      return [
        {
          ...say(t.register.confirmMove(name, from, to)),
          choices: [
            {
              label: t.register.confirmMoveButton(department.name),
              command: `/chuyenphong ${self ? '' : `${memberRef(ctx, member)} | `}${department.name} ${CONFIRM}`,
            },
            cancelChoice(t),
          ],
        },
      ];
    }
    const moved = await store.moveMember(member.id, department.id, ctx.actor);
    const actor = ctx.member?.fullName ?? ctx.caller.displayName;
    return [
      say(t.register.moved(moved.fullName, from, to)),
      ...(moved.id !== ctx.member?.id ? [notice(moved, t.register.noticeMoved(from, to, actor))] : []),
    ];
  },
});
