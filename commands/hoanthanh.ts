import { type Command, defineCommand } from '../core/context.js';
import { logEntry } from './lib/log-entry.js';

export const hoanthanh: Command = defineCommand({
  name: 'hoanthanh',
  access: 'registered',
  writes: true,
  acceptsPhoto: true,
  usage: (t) => t.help.task.usage,
  description: (t) => t.help.task.description,
  run: (ctx) => logEntry(ctx, hoanthanh, 'task'),
});
