import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreCorruptError } from '../core/errors.js';
import { isErrnoException, nodeFiles, type StoreFiles } from './files.js';
import { MigrationError, migrate } from './migrations.js';
import { type State, stateSchema } from './schema.js';

/** Renders the first few zod issues as `path: message`, for an operator reading a start-up failure. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return lines.join('; ') + more;
}

/**
 * lowdb adapter for the snapshot file. Unlike lowdb's JSONFile it validates what it reads, treats only
 * a missing file as "no data" (every other failure throws StoreCorruptError and nothing is written),
 * and writes atomically with fdatasync.
 */
export class SnapshotFile implements Adapter<State> {
  constructor(
    readonly path: string,
    private readonly files: StoreFiles = nodeFiles,
  ) {}

  async read(): Promise<State | null> {
    let text: string;
    try {
      // Strict UTF-8: invalid bytes are corruption, not silently replaced.
      text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(this.path));
    } catch (error) {
      if (error instanceof TypeError) throw new StoreCorruptError(this.path, 'is not valid UTF-8');
      if (isErrnoException(error) && error.code === 'ENOENT') return null;
      throw new StoreCorruptError(
        this.path,
        `cannot be read (${isErrnoException(error) ? error.code : error})`,
        {
          cause: error,
        },
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new StoreCorruptError(this.path, `is not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    let migrated: unknown;
    try {
      migrated = migrate(raw);
    } catch (error) {
      if (error instanceof MigrationError)
        throw new StoreCorruptError(this.path, error.message, { cause: error });
      throw error;
    }
    const parsed = stateSchema.safeParse(migrated);
    if (!parsed.success) {
      throw new StoreCorruptError(this.path, `fails validation: ${describeIssues(parsed.error)}`);
    }
    return parsed.data;
  }

  async write(state: State): Promise<void> {
    await this.files.writeDurably(this.path, JSON.stringify(state));
  }
}
