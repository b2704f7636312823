import { type Command, defineCommand } from '../core/context.js';
import { identityKey, parseIdentity } from '../core/identity.js';
import { clip, departmentList, findDepartment, refuse, say } from './lib/common.js';
import { forgetRequest } from './lib/join.js';
import { sameName } from './lib/people.js';

/**
 * `/duyetdangky TÀI_KHOẢN | Họ và tên | Phòng` (admins): approves a registration request from a platform
 * without a group (the Zalo Bot Platform) — or adds anyone as a member. The member is created by the
 * admin (their history says so) and the person is told in private.
 */
export const duyetdangky: Command = defineCommand({
  name: 'duyetdangky',
  access: 'admin',
  writes: true,
  usage: (t) => t.help.approveJoin.usage,
  description: (t) => t.help.approveJoin.description,
  async run(ctx) {
    const { t, store, agency } = ctx;
    const [account = '', rawName = '', rawDept = ''] = ctx.args.split('|').map((part) => part.trim());
    const identity = parseIdentity(account);
    if (!account) return refuse(ctx, duyetdangky, t.join.missingAccount);
    if (!identity) return refuse(ctx, duyetdangky, t.join.badAccount(clip(account, 60)));
    const key = identityKey(identity.platform, identity.id);
    const fullName = rawName.replace(/\s+/g, ' ');
    if (!fullName || !/\p{L}/u.test(fullName)) return refuse(ctx, duyetdangky, t.register.missingName);
    const department = findDepartment(agency, rawDept);
    if (!department) {
      return refuse(
        ctx,
        duyetdangky,
        t.register.unknownDepartment(clip(rawDept || '…')),
        ...departmentList(ctx),
      );
    }
    const existing = store.memberByIdentity(key);
    if (existing) return [say(t.join.alreadyMember(existing.fullName))];
    if (store.members.some((m) => sameName(m.fullName, fullName))) {
      return refuse(ctx, duyetdangky, t.register.sameName(fullName));
    }
    const member = await store.saveMember(
      { identity: key, fullName, departmentId: department.id },
      ctx.actor,
    );
    forgetRequest(ctx, key);
    return [
      say(t.join.approved(member.fullName, department.name)),
      { html: t.join.approvedNotice(member.fullName, department.name), to: { identity: key } },
    ];
  },
});
