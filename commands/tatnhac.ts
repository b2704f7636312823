import { type Command, defineCommand } from '../core/context.js';
import { setNudges } from './lib/nudges.js';

export const tatnhac: Command = defineCommand({
  name: 'tatnhac',
  access: 'registered',
  writes: true,
  usage: (t) => t.help.nudgesOff.usage,
  description: (t) => t.help.nudgesOff.description,
  run: (ctx) => setNudges(ctx, false),
});
