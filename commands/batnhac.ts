import { type Command, defineCommand } from '../core/context.js';
import { setNudges } from './lib/nudges.js';

export const batnhac: Command = defineCommand({
  name: 'batnhac',
  access: 'registered',
  writes: true,
  usage: (t) => t.help.nudgesOn.usage,
  description: (t) => t.help.nudgesOn.description,
  run: (ctx) => setNudges(ctx, true),
});
