import type { RecordProblem } from './records.js';

/** Base of the bot's own errors: a stable `code` for logs and a `name` for stack traces (as grammY's errors do). */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The store on disk does not parse or fails validation: the bot must stop and touch nothing. */
export class StoreCorruptError extends AppError {
  override readonly name = 'StoreCorruptError';
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super('STORE_CORRUPT', `${file}: ${problem}`, options);
  }
}

/** A change could not be made durable (disk full, read-only directory): nothing was acknowledged. */
export class StoreWriteError extends AppError {
  override readonly name: string = 'StoreWriteError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_WRITE', message, options);
  }
}

/** A change to the year-end records broke a rule (core/records.ts): nothing was changed. */
export class RecordsRefusedError extends AppError {
  override readonly name = 'RecordsRefusedError';
  constructor(readonly problems: readonly RecordProblem[]) {
    super('RECORDS_REFUSED', `records refused: ${problems.map((p) => p.code).join(', ')}`);
  }
}

/** A document sent with a command could not be fetched: larger than allowed, or the platform failed. */
export class DocumentFetchError extends AppError {
  override readonly name = 'DocumentFetchError';
  constructor(
    readonly reason: 'tooBig' | 'failed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super('DOCUMENT_FETCH', message, options);
  }
}

/**
 * A report file was not admitted (reports/queue.ts): the same one is already on its way to the asker
 * (`same`), or too many are being made (`full`). Nothing is built; the router says so.
 */
export class ReportBusyError extends AppError {
  override readonly name = 'ReportBusyError';
  constructor(readonly reason: 'same' | 'full') {
    super('REPORT_BUSY', reason === 'same' ? 'the same report is on its way' : 'too many reports at once');
  }
}

/** Configuration (environment or agency file) is invalid; `problems` lists every bad setting. */
export class ConfigError extends AppError {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super('CONFIG_INVALID', `${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
