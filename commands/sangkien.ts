import { type Command, defineCommand } from '../core/context.js';
import { logEntry } from './lib/log-entry.js';

export const sangkien: Command = defineCommand({
  name: 'sangkien',
  access: 'registered',
  writes: true,
  acceptsPhoto: true,
  usage: (t) => t.help.initiative.usage,
  description: (t) => t.help.initiative.description,
  run: (ctx) => logEntry(ctx, sangkien, 'initiative'),
});
