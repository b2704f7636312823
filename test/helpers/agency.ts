import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '../../bot/logger.js';
import { type AgencyConfig, parseAgency } from '../../core/agency.js';

/** The agency settings shipped in config/agency.json, with overrides. */
export function testAgency(overrides: Partial<AgencyConfig> = {}): AgencyConfig {
  const shipped = parseAgency(JSON.parse(readFileSync('config/agency.json', 'utf8')));
  return { ...shipped, ...overrides };
}

/** A logger that keeps its lines, so tests can assert on what was logged. */
export function memoryLogger(level = 'debug'): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const out: string[] = [];
  const logger = createLogger(level, [], { write: (line: string) => void out.push(line) });
  return { logger, lines: () => out.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(
  prefix = 'thidua-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
