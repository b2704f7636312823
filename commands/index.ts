import type { Command } from '../core/context.js';
import { bangxephang } from './bangxephang.js';
import { banlamviec } from './banlamviec.js';
import { baocaothanhtich } from './baocaothanhtich.js';
import { batdau } from './batdau.js';
import { batnhac } from './batnhac.js';
// ---- year-end review (issue 20, h20b) ----
import { bodexuat } from './bodexuat.js';
import { bophieu } from './bophieu.js';
import { choduyet } from './choduyet.js';
import { chuyende } from './chuyende.js';
import { chuyenphong } from './chuyenphong.js';
import { congnhansk } from './congnhansk.js';
import { cuatoi } from './cuatoi.js';
import { dangky } from './dangky.js';
import { dangkythidua } from './dangkythidua.js';
import { dangngay } from './dangngay.js';
import { danhsach } from './danhsach.js';
import { dexuat } from './dexuat.js';
import { diemdanh } from './diemdanh.js';
import { dienhinh } from './dienhinh.js';
import { dinhchinh } from './dinhchinh.js';
import { donghop } from './donghop.js';
import { dongphieu } from './dongphieu.js';
import { dotxuat } from './dotxuat.js';
import { duthao } from './duthao.js';
import { duyet } from './duyet.js';
import { duyetdangky } from './duyetdangky.js';
import { hoanthanh } from './hoanthanh.js';
import { hop } from './hop.js';
import { hoso } from './hoso.js';
import { huy } from './huy.js';
import { kehoach } from './kehoach.js';
import { khenthuong } from './khenthuong.js';
import { khong } from './khong.js';
import { kiemphieu } from './kiemphieu.js';
import { kyluat } from './kyluat.js';
import { lichsu } from './lichsu.js';
import { lienket } from './lienket.js';
import { mohop } from './mohop.js';
import { mophieu } from './mophieu.js';
import { nhaphoso } from './nhaphoso.js';
import { phieuvang } from './phieuvang.js';
import { quyetdinh } from './quyetdinh.js';
import { sangkien } from './sangkien.js';
import { tatnhac } from './tatnhac.js';
import { tonghop } from './tonghop.js';
import { createHelp } from './trogiup.js';
import { truongphong } from './truongphong.js';
import { tuchoi } from './tuchoi.js';
import { tuchoidangky } from './tuchoidangky.js';
import { viectot } from './viectot.js';
import { xemtruoc } from './xemtruoc.js';
import { xeploai } from './xeploai.js';
import { xetlai } from './xetlai.js';

/**
 * Every command, in the order help lists them. This one list drives the router, the help text and
 * Telegram's command menu (setMyCommands).
 */
export const commands: readonly Command[] = [
  batdau,
  createHelp(() => commands),
  dangky,
  chuyenphong,
  viectot,
  hoanthanh,
  sangkien,
  cuatoi,
  huy,
  bangxephang,
  lichsu,
  kehoach,
  lienket,
  banlamviec,
  dienhinh,
  dangkythidua,
  baocaothanhtich,
  hoso,
  tatnhac,
  batnhac,
  choduyet,
  duyet,
  tuchoi,
  xetlai,
  tonghop,
  truongphong,
  // Year-end records (issue 20): what the titles turn on, and the decisions on record.
  xeploai,
  kyluat,
  khenthuong,
  congnhansk,
  quyetdinh,
  dinhchinh,
  nhaphoso,
  xemtruoc,
  dangngay,
  duyetdangky,
  tuchoidangky,
  // ---- year-end review (issue 20, h20b): lists, the Council's meeting and votes, drafts ----
  danhsach,
  dexuat,
  bodexuat,
  mohop,
  diemdanh,
  hop,
  mophieu,
  kiemphieu,
  phieuvang,
  bophieu,
  dongphieu,
  donghop,
  duthao,
  dotxuat,
  chuyende,
  khong,
];

export type { PostContext } from './posts/context.js';
/** The bot's own posts (the scheduler posts them; /xemtruoc and /dangngay show them on demand). */
export { monthlyDigest } from './posts/monthly.js';
export { membersToNudge, nudgeMessage } from './posts/nudges.js';
export { postMessage } from './posts/parts.js';
export { remindersMessage, remindersOn } from './posts/reminders.js';
export { weeklyPost } from './posts/weekly.js';
