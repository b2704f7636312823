import type { Command } from '../core/context.js';
import { logEntry } from './lib/log-entry.js';

export const viectot: Command = {
  name: 'viectot',
  access: 'registered',
  acceptsPhoto: true,
  usage: (t) => t.help.deed.usage,
  description: (t) => t.help.deed.description,
  run: (ctx) => logEntry(ctx, viectot, 'deed'),
};
