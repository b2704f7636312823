import type { Command } from '../core/context.js';
import { setNudges } from './lib/nudges.js';

export const tatnhac: Command = {
  name: 'tatnhac',
  access: 'registered',
  usage: (t) => t.help.nudgesOff.usage,
  description: (t) => t.help.nudgesOff.description,
  run: (ctx) => setNudges(ctx, false),
};
