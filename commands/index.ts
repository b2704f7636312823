import type { Command } from '../core/context.js';
import { bangxephang } from './bangxephang.js';
import { batdau } from './batdau.js';
import { choduyet } from './choduyet.js';
import { cuatoi } from './cuatoi.js';
import { dangky } from './dangky.js';
import { dienhinh } from './dienhinh.js';
import { duyet } from './duyet.js';
import { hoanthanh } from './hoanthanh.js';
import { huy } from './huy.js';
import { lichsu } from './lichsu.js';
import { sangkien } from './sangkien.js';
import { tonghop } from './tonghop.js';
import { createHelp } from './trogiup.js';
import { tuchoi } from './tuchoi.js';
import { viectot } from './viectot.js';

/**
 * Every command, in the order help lists them. This one list drives the router, the help text and
 * Telegram's command menu (setMyCommands).
 */
export const commands: readonly Command[] = [
  batdau,
  createHelp(() => commands),
  dangky,
  viectot,
  hoanthanh,
  sangkien,
  cuatoi,
  huy,
  bangxephang,
  lichsu,
  dienhinh,
  choduyet,
  duyet,
  tuchoi,
  tonghop,
];
