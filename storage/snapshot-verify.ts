import { StoreCorruptError } from '../core/errors.js';
import { Indexes } from './indexes.js';
import { checkState, RuleBroken, scopeOf } from './invariants.js';
import type { CheckerMessage, RulesOnTheWire, Verdict } from './read-ahead.js';
import type { State } from './schema.js';
import { snapshotOf } from './snapshot-file.js';

/*
 * The checks of the worker thread bot/start.ts starts (storage/snapshot-check.ts, which has read the
 * snapshot's bytes): the file as a snapshot, as Store.open would check it (snapshot-file.ts snapshotOf:
 * checksum, header, state, the entry table's columns), then, told the rules' settings, every rule over
 * what it holds (storage/invariants.ts checkState). It writes nothing.
 */

/** What an error says as a verdict: a problem of the file, or none to say (the main thread checks). */
function verdictOf(error: unknown): Verdict {
  if (error instanceof StoreCorruptError) return { problem: error.problem };
  if (error instanceof RuleBroken) return { problem: error.message };
  return { lost: String(error) };
}

/**
 * Checks `bytes` (the snapshot at `path`) and posts the verdicts: the structure's, then — once
 * `settings` are told — the rules'.
 */
export async function verify(
  bytes: Uint8Array,
  path: string,
  post: (message: CheckerMessage) => void,
  settings: Promise<RulesOnTheWire>,
): Promise<void> {
  let state: State;
  try {
    state = snapshotOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
    post({ type: 'structure', verdict: { ok: true } });
  } catch (error) {
    post({ type: 'structure', verdict: verdictOf(error) });
    return;
  }
  const wire = await settings;
  let verdict: Verdict = { ok: true };
  try {
    const idx = new Indexes();
    // A member twice is the main thread's to say (Store.open), before it asks for this verdict.
    for (const member of state.members) idx.indexMember(member);
    const now = new Date(wire.now);
    checkState(
      scopeOf(
        state,
        idx,
        {
          ...(wire.departments ? { departments: wire.departments } : {}),
          ...(wire.planYear !== undefined ? { planYear: wire.planYear } : {}),
          now: () => now,
          ...(wire.earliest !== undefined ? { earliest: new Date(wire.earliest) } : {}),
        },
        true,
      ),
    );
  } catch (error) {
    verdict = verdictOf(error);
  }
  post({ type: 'rules', verdict });
}
