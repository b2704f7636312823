import type { HistoryItem } from '../core/domain.js';
import type { Handled } from '../core/repository.js';
import type { EntryTable } from './entry-table.js';
import type { State, StoreEvent } from './schema.js';

/** What a change of `action` to an entry was, as the journal line that made it said. */
function entryChange(action: HistoryItem['action']): Handled['type'] {
  if (action === 'created') return 'entry.created';
  if (action === 'withdrawn') return 'entry.withdrawn';
  return 'entry.reviewed';
}

/**
 * What platform message `source` did to an entry, live: found in the entry table's hash of its
 * sources (each row's and history item's, hashed at the first question and then as each is
 * written: two typed arrays), not in a map of every message since the start (a week of writers at a
 * province held ~4 MB there).
 */
export function handledEntry(table: EntryTable, source: string): Handled | undefined {
  const change = table.changeBySource(source);
  return change && { type: entryChange(change.action), entry: table.codeAt(change.row) };
}

/**
 * Whether `event`'s message is found by `handledEntry` once applied: a change to an entry that keeps
 * the message as its own source or its history item's (every line the bot writes; an old journal's
 * line may say otherwise, and is kept in the store's map of the rest).
 */
export function foundInEntries(event: StoreEvent): boolean {
  switch (event.type) {
    case 'entry.created':
      return event.entry.source === event.source;
    case 'entry.withdrawn':
    case 'entry.reviewed':
      return event.item.source === event.source;
    default:
      return false;
  }
}

/** What a platform message changed, as the records say (see handledInRecords). */
export interface HandledLookup {
  get(source: string): Handled | undefined;
}

/**
 * Every platform message the records of `state` other than the entries hold, with what it changed —
 * read from the records themselves (each history item's source). The journal's lines say it as they
 * are replayed (storage/events.ts); a snapshot keeps only the records, so a message whose change was
 * folded into one is found here: a redelivery of it after a restart, or after another instance took
 * over, changes nothing twice. The first change a message made wins, as in the journal. (The entries'
 * messages: `handledEntry`.)
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
  return { get: (source) => others.get(source) };
}
