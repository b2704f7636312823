/**
 * Commands one at a time, on the context the router would give them (test/helpers/context.ts): fast
 * checks of a command's own rules, beside the user stories in test/e2e.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cuatoi } from '../../commands/cuatoi.js';
import { duyetdangky } from '../../commands/duyetdangky.js';
import { tonghop } from '../../commands/tonghop.js';
import { tuchoidangky } from '../../commands/tuchoidangky.js';
import { viectot } from '../../commands/viectot.js';
import type { Member } from '../../core/domain.js';
import type { Store } from '../../storage/store.js';
import { run } from '../helpers/context.js';
import { addMember, useTempStore } from '../helpers/store.js';

let store: Store;
let lan: Member;
let hung: Member;
const temp = useTempStore();
beforeEach(async () => {
  store = temp.store;
  lan = await addMember(store, 1, 'vp');
  hung = await addMember(store, 2, 'cb');
});

describe('/viectot on its own', () => {
  it('refuses a deed of fewer than three words, saying why and how to write it, and saves nothing', async () => {
    const [reply] = await run(viectot, { store, member: lan, args: 'giúp' });
    expect(reply?.text).toContain('/viectot');
    expect(store.entries).toHaveLength(0);
  });

  it('credits the colleague named first, and says so', async () => {
    const replies = await run(viectot, {
      store,
      member: lan,
      args: '@hung đã trực thay ca đêm',
      mentions: [{ identity: hung.identities[0] as string, label: '@hung', offset: 0 }],
    });
    expect(store.entries.map((e) => [e.memberId, e.reporterId])).toEqual([[hung.id, lan.id]]);
    expect(replies[0]?.text).toContain('Đã lưu');
    expect(replies[0]?.text).toContain('Thành viên 2');
  });

  it('answers in English for an English reader', async () => {
    const [reply] = await run(viectot, {
      store,
      member: lan,
      args: 'Trực thay đồng nghiệp bị ốm',
      locale: 'en',
    });
    expect(reply?.text).toContain('Saved');
  });
});

describe('/cuatoi and /tonghop on their own', () => {
  it('tells a member without entries that they are not ranked yet', async () => {
    const [reply] = await run(cuatoi, { store, member: lan });
    expect(reply?.text).toContain('Thành viên 1');
    expect(reply?.text).toMatch(/chưa (có|được xếp)/);
  });

  it('says in English too that a span of months is no period, and asks which half for six', async () => {
    const nine = await run(cuatoi, { store, member: lan, args: '9 months', locale: 'en' });
    expect(nine[0]?.text).toContain(
      'The bot sums by week, month, quarter, half-year or year, not by “9 months”: ask for the first half and Q3,',
    );
    const six = await run(cuatoi, { store, member: lan, args: '6 months', locale: 'en' });
    expect(six[0]?.text).toContain('Please say the first or the second half of the year');
  });

  it('names words it could not read as a period or a department', async () => {
    const [reply] = await run(tonghop, { store, member: lan, isAdmin: true, args: 'tuần xyzabc' });
    expect(reply?.text).toContain('Không hiểu “xyzabc”');
  });
});

describe('/duyetdangky and /tuchoidangky on their own', () => {
  it('ask for the account when none is given, and name a wrong one', async () => {
    expect((await run(tuchoidangky, { store, isAdmin: true }))[0]?.text).toContain(
      'Vui lòng ghi tài khoản như trong đề nghị đăng ký',
    );
    expect(
      (await run(duyetdangky, { store, isAdmin: true, args: 'abc | Nguyễn Văn B | vp' }))[0]?.text,
    ).toContain('“abc” không phải là tài khoản');
  });

  it('approve: the member is created by the admin, the person told; a second approval changes nothing', async () => {
    const args = 'zalobot:6ede9afa66b88fe6d6a9 | Trần Thị Bích | phong can bo';
    const first = await run(duyetdangky, { store, isAdmin: true, identity: 'telegram:900001', args });
    expect(first.map((r) => r.text)).toEqual([
      '✅ Đã duyệt đăng ký: Trần Thị Bích — Phòng Cán bộ.',
      '✅ Đề nghị đăng ký của đồng chí đã được duyệt: Trần Thị Bích — Phòng Cán bộ. Gửi /trogiup để xem các lệnh.',
    ]);
    expect(first[1]?.to).toEqual({ identity: 'zalobot:6ede9afa66b88fe6d6a9' });
    const member = store.memberByIdentity('zalobot:6ede9afa66b88fe6d6a9');
    expect(member?.history[0]?.by).toBe('telegram:900001');
    const again = await run(duyetdangky, { store, isAdmin: true, args });
    expect(again[0]?.text).toBe('Tài khoản này đã thuộc hồ sơ Trần Thị Bích.');
    expect(store.members).toHaveLength(3);
  });
});
