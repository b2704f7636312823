import { departmentName } from '../core/agency.js';
import { type Command, defineCommand, type Reply } from '../core/context.js';
import { formatDay } from '../core/periods.js';
import { fold } from '../core/text.js';
import { clip, findDepartment, refuse, say, words } from './lib/common.js';
import { findMember, pickMember } from './lib/people.js';

/** The last word that takes a department's head away. */
const REMOVE = 'bo';

/**
 * `/truongphong [@người | phòng bo]`: who heads each department on the bot — the member who registers
 * the department's emulation title (/dangkythidua). Admins name a head (the member's department now;
 * a new head replaces the one before) or take one away; every change stays in the record's history.
 * Heads change during a year and the Office keeps them from the chat, so they live in the store, not
 * in the agency file.
 */
export const truongphong: Command = defineCommand({
  name: 'truongphong',
  access: 'registeredOrAdmin',
  writes: true,
  usage: (t) => t.help.heads.usage,
  description: (t) => t.help.heads.description,
  async run(ctx) {
    const { t, store, agency } = ctx;
    const tokens = words(ctx.args);
    if (tokens.length === 0) {
      return [
        say(
          t.heads.listTitle,
          ...agency.departments.map((d) => {
            const head = store.departmentHead(d.id);
            const member = head?.memberId ? store.member(head.memberId) : undefined;
            const since = head?.history.findLast((h) => h.action === 'assigned')?.at;
            return member && since
              ? t.heads.line(d.name, member.fullName, formatDay(new Date(since)))
              : t.heads.none(d.name);
          }),
        ),
      ];
    }
    if (!ctx.isAdmin) return refuse(ctx, truongphong, t.heads.adminOnly);

    const remove = fold(tokens.at(-1) ?? '') === REMOVE;
    const query = (remove ? tokens.slice(0, -1) : tokens).join(' ');
    if (remove) {
      const member = query ? findMember(ctx, query) : undefined;
      const department = member
        ? agency.departments.find((d) => store.departmentHead(d.id)?.memberId === member.id)
        : findDepartment(agency, query);
      if (!department) return refuse(ctx, truongphong, t.heads.unknown(clip(query)));
      const head = store.departmentHead(department.id)?.memberId;
      if (!head) return [say(t.heads.noHead(department.name, t.heads.title(department)))];
      await store.setDepartmentHead(department.id, undefined, ctx.actor);
      return [say(t.heads.removed(store.member(head)?.fullName ?? head, t.heads.title(department)))];
    }

    const picked = pickMember(ctx, query, (ref) => `/truongphong ${ref}`);
    if (Array.isArray(picked)) return picked;
    const member = picked;
    if (!member) return refuse(ctx, truongphong, t.heads.unknown(clip(query)));
    const unit = agency.departments.find((d) => d.id === member.departmentId);
    const dept = unit
      ? t.heads.title(unit)
      : t.heads.title({ name: departmentName(agency, member.departmentId, t) });
    const previous = store.departmentHead(member.departmentId)?.memberId;
    if (previous === member.id) return [say(t.heads.already(member.fullName, dept))];
    await store.setDepartmentHead(member.departmentId, member.id, ctx.actor);
    const replies: Reply[] = [
      say(
        t.heads.assigned(member.fullName, dept),
        previous && t.heads.replaced(store.member(previous)?.fullName ?? previous),
      ),
    ];
    if (member.id !== ctx.member?.id) {
      const by = ctx.member?.fullName ?? ctx.caller.displayName;
      replies.push({ ...say(t.heads.notice(dept, by)), to: { member: member.id } });
    }
    return replies;
  },
});
