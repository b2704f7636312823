import { type Command, defineCommand } from '../core/context.js';
import { logEntry } from './lib/log-entry.js';

export const viectot: Command = defineCommand({
  name: 'viectot',
  access: 'registered',
  writes: true,
  acceptsPhoto: true,
  usage: (t) => t.help.deed.usage,
  description: (t) => t.help.deed.description,
  run: (ctx) => logEntry(ctx, viectot, 'deed'),
});
