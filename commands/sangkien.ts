import type { Command } from '../core/context.js';
import { logEntry } from './lib/log-entry.js';

export const sangkien: Command = {
  name: 'sangkien',
  access: 'registered',
  acceptsPhoto: true,
  usage: (t) => t.help.initiative.usage,
  description: (t) => t.help.initiative.description,
  run: (ctx) => logEntry(ctx, sangkien, 'initiative'),
};
