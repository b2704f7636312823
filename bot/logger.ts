import { type DestinationStream, type Logger, pino } from 'pino';
import { repeatSummariser } from './log-summary.js';

export type { Logger };

/**
 * One structured logger for the process. Secrets (the bot token) are scrubbed from every line before
 * it is written — including error causes from the HTTP client, whose messages can carry the request URL.
 */
export function createLogger(
  level: string,
  secrets: readonly string[] = [],
  destination?: DestinationStream,
): Logger {
  const target = destination ?? pino.destination({ fd: 2, sync: true });
  const hidden = secrets.filter((s) => s.length >= 8);
  const stream: DestinationStream = hidden.length
    ? {
        write(line: string) {
          let clean = line;
          for (const secret of hidden) clean = clean.split(secret).join('[redacted]');
          target.write(clean);
        },
      }
    : target;
  return pino({ level, base: { app: 'thidua-bot' }, hooks: { logMethod: repeatSummariser() } }, stream);
}
