import type { HistoryItem } from '../core/domain.js';
import type { Handled } from '../core/repository.js';
import type { State } from './schema.js';

/** What a change of `action` to an entry was, as the journal line that made it said. */
function entryChange(action: HistoryItem['action']): Handled['type'] {
  if (action === 'created') return 'entry.created';
  if (action === 'withdrawn') return 'entry.withdrawn';
  return 'entry.reviewed';
}

/** What a platform message changed, as the records say (see handledInRecords). */
export interface HandledLookup {
  get(source: string): Handled | undefined;
}

/**
 * Every platform message the records of `state` hold, with what it changed — read from the records
 * themselves (each entry's source, each history item's). The journal's lines say it as they are
 * replayed (storage/events.ts); a snapshot keeps only the records, so a message whose change was
 * folded into one is found here: a redelivery of it after a restart, or after another instance took
 * over, changes nothing twice. The first change a message made wins, as in the journal. The entries'
 * messages are looked up in the entry table's hash of its sources (a year of a province holds 100k
 * of them), the rest's in a map.
 */
export function handledInRecords(state: State): HandledLookup {
  const others = new Map<string, Handled>();
  const note = (source: string | undefined, handled: Handled) => {
    if (source && !others.has(source)) others.set(source, handled);
  };
  for (const member of state.members) {
    for (const item of member.history) {
      note(item.source, { type: item.action === 'linked' ? 'member.linked' : 'member.saved' });
    }
  }
  for (const model of state.models) {
    for (const item of model.history) note(item.source, { type: 'model.saved', model: model.no });
  }
  for (const registration of state.registrations) {
    for (const item of registration.history) note(item.source, { type: 'registration.saved' });
  }
  for (const head of state.heads) {
    for (const item of head.history) note(item.source, { type: 'head.saved' });
  }
  for (const record of [...state.ratings, ...state.disciplines, ...state.initiatives, ...state.awards]) {
    for (const item of record.history) note(item.source, { type: 'records.saved' });
  }
  const table = state.entries;
  return {
    get(source) {
      const change = table.changeBySource(source);
      if (change) return { type: entryChange(change.action), entry: table.codeAt(change.row) };
      return others.get(source);
    },
  };
}
