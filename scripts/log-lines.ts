// `journalctl -u thidua-bot -o cat -f | npm run -s logs`: the bot's JSON log lines (as systemd's journal
// keeps them) as one readable line each — time in Vietnam, level, message, details — the way the bot
// prints them on a terminal (bot/logger.ts). Lines that are not the bot's JSON pass through unchanged.

import { createInterface } from 'node:readline';
import { readableLine } from '../bot/logger.js';

const colour = Boolean(process.stdout.isTTY);
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of lines) {
  if (line) process.stdout.write(readableLine(line, colour));
}
