/**
 * /dangkythidua, /truongphong and /baocaothanhtich on their own (the context the router would build):
 * how they read titles and whom they are for, and what they answer without a plan or a profile.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { baocaothanhtich } from '../../commands/baocaothanhtich.js';
import { dangkythidua } from '../../commands/dangkythidua.js';
import { truongphong } from '../../commands/truongphong.js';
import type { Member } from '../../core/domain.js';
import { parsePlan } from '../../core/plan.js';
import { parseTitles } from '../../core/titles.js';
import type { Store } from '../../storage/store.js';
import { run } from '../helpers/context.js';
import { addMember, useTempStore } from '../helpers/store.js';

const plan = parsePlan(JSON.parse(readFileSync('config/plan-2026.json', 'utf8')));
const titles = parseTitles(JSON.parse(readFileSync('config/titles-2026.json', 'utf8')));
const now = new Date('2026-05-04T03:00:00Z');

let store: Store;
let lan: Member;
const temp = useTempStore();
beforeEach(async () => {
  store = temp.store;
  lan = await addMember(store, 1, 'vp');
});

describe('/dangkythidua on its own', () => {
  it.each([
    ['ldtt', 'ldtt'],
    ['LĐTT', 'ldtt'],
    ['lao dong tien tien', 'ldtt'],
    ['Chiến sĩ thi đua cơ sở', 'cstdcs'],
    ['CSTDCS', 'cstdcs'],
    ['chien si thi dua', 'cstdcs'],
    ['Chiến sĩ thi đua', 'cstdcs'],
  ])('reads “%s” as the title %s', async (typed, id) => {
    await run(dangkythidua, { store, member: lan, args: typed, plan, titles, now });
    expect(store.registration(2026, { kind: 'member', memberId: lan.id })?.titleId).toBe(id);
  });

  it('does not guess between titles that share the words: “tiên tiến” names none', async () => {
    const [reply] = await run(dangkythidua, { store, member: lan, args: 'tiên tiến', plan, titles, now });
    expect(reply?.text).toContain('Không rõ “tiên tiến”');
    expect(store.registrations).toEqual([]);
  });

  it('says it is not configured without a registration deadline in the plan, and saves nothing', async () => {
    const { registration: _, ...noDeadline } = plan;
    const bare = { ...noDeadline, milestones: plan.milestones.filter((m) => m.kind !== 'registration') };
    const [reply] = await run(dangkythidua, { store, member: lan, args: 'ldtt', plan: bare, titles, now });
    expect(reply?.text).toContain('Chưa cấu hình đăng ký thi đua');
    expect(store.registrations).toEqual([]);
  });

  it('asks an admin without a profile whom to register', async () => {
    const [reply] = await run(dangkythidua, { store, args: 'ldtt', isAdmin: true, plan, titles, now });
    expect(reply?.text).toContain('Vui lòng ghi đăng ký cho ai');
    expect(store.registrations).toEqual([]);
  });

  it('answers in English for an English reader, the titles keeping their Vietnamese names', async () => {
    const [reply] = await run(dangkythidua, {
      store,
      member: lan,
      args: 'ldtt',
      plan,
      titles,
      now,
      locale: 'en',
    });
    expect(reply?.text).toBe('✅ Registered the title Lao động tiên tiến for 2026 for Thành viên 1.');
  });
});

describe('/truongphong and /baocaothanhtich on their own', () => {
  it('takes a head away by the department’s name, and says when there is none', async () => {
    await run(truongphong, { store, args: lan.id, isAdmin: true, now });
    expect(store.departmentHead('vp')?.memberId).toBe(lan.id);
    const [removed] = await run(truongphong, { store, args: 'van phong ban bo', isAdmin: true, now });
    expect(removed?.text).toContain('Đã thôi chỉ định đồng chí Thành viên 1 là Chánh Văn phòng Ban');
    const [none] = await run(truongphong, { store, args: 'vp bo', isAdmin: true, now });
    expect(none?.text).toContain('Văn phòng Ban: chưa chỉ định Chánh Văn phòng Ban trên bot.');
  });

  it('reads the year first and refuses a person it cannot find, or a year written after them', async () => {
    const [unknown] = await run(baocaothanhtich, {
      store,
      member: lan,
      args: '2026 ai đó',
      isCouncil: true,
      now,
    });
    expect(unknown?.text).toContain('Không rõ “ai đó”: không phải năm, thành viên hay phòng.');
    const [late] = await run(baocaothanhtich, {
      store,
      member: lan,
      args: `${lan.id}x 2025`,
      isCouncil: true,
      now,
    });
    expect(late?.text).toContain('Vui lòng ghi năm trước');
  });
});
