import type { Command } from '../core/context.js';
import { setNudges } from './lib/nudges.js';

export const batnhac: Command = {
  name: 'batnhac',
  access: 'registered',
  usage: (t) => t.help.nudgesOn.usage,
  description: (t) => t.help.nudgesOn.description,
  run: (ctx) => setNudges(ctx, true),
};
