import { type DestinationStream, type Logger, pino } from 'pino';
import { formatClock } from '../core/periods.js';
import { repeatSummariser } from './log-summary.js';

export type { Logger };

export interface LoggerOptions {
  /**
   * One readable line per event (time in Vietnam, level, message, then the details) instead of JSON:
   * for a person reading a terminal. JSON lines otherwise (systemd's journal, files, log collectors).
   */
  readable?: boolean;
  /** Colour the level (the terminal understands ANSI escapes). */
  colour?: boolean;
}

/**
 * One structured logger for the process. Secrets (the bot token) are scrubbed from every line before
 * it is written — including error causes from the HTTP client, whose messages can carry the request URL.
 */
export function createLogger(
  level: string,
  secrets: readonly string[] = [],
  destination?: DestinationStream,
  options: LoggerOptions = {},
): Logger {
  const target = destination ?? pino.destination({ fd: 2, sync: true });
  const shown = options.readable ? readableLines(target, options.colour ?? false) : target;
  const hidden = secrets.filter((s) => s.length >= 8);
  const stream: DestinationStream = hidden.length
    ? {
        write(line: string) {
          let clean = line;
          for (const secret of hidden) clean = clean.split(secret).join('[redacted]');
          shown.write(clean);
        },
      }
    : shown;
  return pino({ level, base: { app: 'thidua-bot' }, hooks: { logMethod: repeatSummariser() } }, stream);
}

const LEVELS: Record<number, [name: string, colour: string]> = {
  10: ['TRACE', '\x1b[90m'],
  20: ['DEBUG', '\x1b[90m'],
  30: ['INFO ', '\x1b[32m'],
  40: ['WARN ', '\x1b[33m'],
  50: ['ERROR', '\x1b[31m'],
  60: ['FATAL', '\x1b[41m\x1b[97m'],
};

/** Keys every line has, or that say nothing to a reader. */
const QUIET = new Set(['level', 'time', 'msg', 'app', 'pid', 'hostname']);

/** A detail's value on one line: words as they are, quoted when they hold spaces; objects as compact JSON. */
function detail(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value !== null && typeof value === 'object') {
    const error = value as { type?: unknown; message?: unknown; code?: unknown; stack?: unknown };
    // pino's serialised error: its message (and code) — the stack is in the JSON logs, not on a terminal.
    if (typeof error.message === 'string' && typeof error.stack === 'string') {
      const code = typeof error.code === 'string' || typeof error.code === 'number' ? ` (${error.code})` : '';
      return JSON.stringify(`${error.message}${code}`);
    }
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Formats one pino JSON line as `21:04:05 WARN  message · key=value …`. */
export function readableLine(json: string, colour = false): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const [name, paint] = LEVELS[Number(record.level)] ?? [String(record.level).padEnd(5), ''];
  // The agency's clock (Vietnam), whatever the server's zone.
  const time = typeof record.time === 'number' ? formatClock(record.time) : '--:--:--';
  const level = colour && paint ? `${paint}${name}\x1b[0m` : name;
  const details = Object.entries(record)
    .filter(([key, value]) => !QUIET.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${detail(value)}`);
  // One line per event, whatever a message or detail holds.
  const message = String(record.msg ?? '').replace(/\s*\n\s*/g, ' ');
  return `${time} ${level} ${message}${details.length ? ` · ${details.join(' ')}` : ''}\n`;
}

function readableLines(target: DestinationStream, colour: boolean): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) if (line) target.write(readableLine(line, colour));
    },
  };
}
