import type { Department } from '../core/agency.js';
import { type Command, type CommandContext, defineCommand, type Reply } from '../core/context.js';
import type { Member } from '../core/domain.js';
import { periodContaining, readPeriod } from '../core/periods.js';
import { membersAt } from '../core/scoring.js';
import { fileName, fold } from '../core/text.js';
import { clip, findDepartment, periodOf, refuse, say, words } from './lib/common.js';
import { findMember } from './lib/people.js';
import { isHeadOf } from './lib/registration.js';

/** Words that ask for every report, or for the caller's own department's. */
const ALL = new Set(['tatca', 'tat ca']);
const DEPARTMENT = new Set(['phong', 'tapthe', 'tap the']);

type Asked =
  | { kind: 'member'; member: Member }
  | { kind: 'department'; department: Department }
  | { kind: 'all' };

/** Council members and admins read every report: the Council's bình xét starts from them. */
const readsAll = (ctx: CommandContext) => ctx.isAdmin || ctx.isCouncil;

/**
 * `/baocaothanhtich [năm] [@người | phòng | tatca]`: the Word draft of an achievement report for the
 * year — the caller's own; their department's for its head; anyone's for the Council and admins, who
 * may also take them all (one file per member and per department, in one zip). Sent in private.
 */
export const baocaothanhtich: Command = defineCommand({
  name: 'baocaothanhtich',
  access: 'registeredOrAdmin',
  usage: (t) => t.help.achievement.usage,
  description: (t) => t.help.achievement.description,
  async run(ctx) {
    const { t, agency } = ctx;
    const read = periodOf(ctx, baocaothanhtich, words(ctx.args), 'year');
    if (Array.isArray(read)) return read;
    if (read.period.kind !== 'year') return refuse(ctx, baocaothanhtich, t.achievement.yearOnly);
    const year = read.named ? read.period : periodContaining('year', ctx.now);
    const rest = read.rest.join(' ');
    const key = fold(rest);

    let asked: Asked;
    if (!rest) {
      if (!ctx.member) return refuse(ctx, baocaothanhtich, t.achievement.nameWho);
      asked = { kind: 'member', member: ctx.member };
    } else if (ALL.has(key)) {
      asked = { kind: 'all' };
    } else if (DEPARTMENT.has(key) && ctx.member) {
      const department = agency.departments.find((d) => d.id === ctx.member?.departmentId);
      if (!department) return refuse(ctx, baocaothanhtich, t.achievement.unknown(clip(rest)));
      asked = { kind: 'department', department };
    } else {
      const member = findMember(ctx, rest);
      const department = member ? undefined : findDepartment(agency, rest);
      if (member) asked = { kind: 'member', member };
      else if (department) asked = { kind: 'department', department };
      else {
        // A period written after the person is read too, but only once: `/baocaothanhtich @lan 2025`.
        const later = readPeriod(read.rest.slice(-1), ctx.now);
        return refuse(
          ctx,
          baocaothanhtich,
          later ? t.achievement.periodFirst : t.achievement.unknown(clip(rest)),
        );
      }
    }

    const allowed =
      readsAll(ctx) ||
      (asked.kind === 'member' && asked.member.id === ctx.member?.id) ||
      (asked.kind === 'department' && isHeadOf(ctx.store, ctx.member, asked.department.id));
    if (!allowed) {
      return refuse(
        ctx,
        baocaothanhtich,
        asked.kind === 'all' ? t.achievement.allCouncilOnly : t.achievement.othersOnly,
      );
    }

    // The documents are built away from the event loop (bot/reports.ts) and sent when ready; the chat
    // is not held up meanwhile. They hold a person's record: asked in the group, they go to the asker
    // in private.
    const privately = (reply: Reply): Reply =>
      ctx.chat.kind === 'private' ? reply : { ...reply, to: { identity: ctx.caller.identity } };
    const period = year;
    if (asked.kind === 'member') {
      const { member } = asked;
      const files = ctx.reports.files(
        [{ report: 'memberAchievement', args: { period, memberId: member.id, now: ctx.now } }],
        ctx.actor.by,
      );
      ctx.followUp(
        files.then(([data]) => [
          privately({
            ...say(t.achievement.sent(member.fullName, year.year), t.achievement.draftNote),
            files: [
              {
                filename: `bao-cao-thanh-tich-${year.year}-${fileName(member.fullName)}.docx`,
                data: data as Buffer,
              },
            ],
          }),
        ]),
      );
    } else if (asked.kind === 'department') {
      const { department } = asked;
      const files = ctx.reports.files(
        [{ report: 'departmentAchievement', args: { period, department, now: ctx.now } }],
        ctx.actor.by,
      );
      ctx.followUp(
        files.then(([data]) => [
          privately({
            ...say(t.achievement.sentDepartment(department.name, year.year), t.achievement.draftNote),
            files: [
              {
                filename: `bao-cao-thanh-tich-tap-the-${year.year}-${fileName(department.id)}.docx`,
                data: data as Buffer,
              },
            ],
          }),
        ]),
      );
    } else {
      const members = membersAt(ctx.store.members, year.end).length;
      const departments = agency.departments.length;
      const files = ctx.reports.files(
        [{ report: 'allAchievements', args: { period, now: ctx.now } }],
        ctx.actor.by,
      );
      ctx.followUp(
        files.then(([data]) => [
          privately({
            ...say(t.achievement.sentAll(members, departments, year.year), t.achievement.draftNote),
            files: [{ filename: `bao-cao-thanh-tich-${year.year}.zip`, data: data as Buffer }],
          }),
        ]),
      );
    }
    return ctx.chat.kind === 'private' ? [] : [say(t.achievement.sentPrivately)];
  },
});
