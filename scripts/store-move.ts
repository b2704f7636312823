// `npm run store:move -- FROM TO`: copies a whole store from one place to another — the embedded
// store's data directory and PostgreSQL (postgres://…; schema DATABASE_SCHEMA, default thidua), either
// way — and checks the copy: the counts of everything it holds, then the whole, as store:export
// writes it. FROM is read as at start-up and never changed; TO must hold no store yet (nothing is
// ever overwritten). Stop the bot first: changes made meanwhile would not be in the copy.

import type { Store } from '../storage/store.js';
import { exportDocument } from './store-export.js';
import { placeOf } from './store-place.js';

const [fromArg, toArg] = process.argv.slice(2);
if (!fromArg || !toArg) {
  process.stderr.write('usage: npm run store:move -- FROM TO   (each a data directory or postgres://…)\n');
  process.exit(2);
}

/** What a store holds, counted. */
function counts(store: Store): Record<string, number> {
  const s = store.state;
  const entries = store.entries;
  return {
    members: s.members.length,
    entries: entries.length,
    'entries withdrawn': entries.filter((e) => e.status === 'withdrawn').length,
    'entries approved': entries.filter((e) => e.review === 'approved').length,
    'entries rejected': entries.filter((e) => e.review === 'rejected').length,
    'history items': entries.reduce((n, e) => n + e.history.length, 0),
    'model examples': s.models.length,
    registrations: s.registrations.length,
    'department heads': s.heads.length,
    ratings: s.ratings.length,
    disciplines: s.disciplines.length,
    initiatives: s.initiatives.length,
    awards: s.awards.length,
    'scheduled jobs': Object.keys(s.jobs).length,
    'last change (seq)': s.seq,
  };
}

const from = placeOf(fromArg);
const to = placeOf(toArg);
try {
  const source = await from.read();
  const log = await to.empty();
  // The snapshot is written through the target's own log, exactly as the bot folds one.
  await log
    .snapshot(() => async () => true)
    .write(source.state as Parameters<ReturnType<typeof log.snapshot>['write']>[0]);
  await log.close();
  const copy = await to.read();
  const a = counts(source);
  const b = counts(copy);
  const same = exportDocument(source) === exportDocument(copy);
  const width = Math.max(...Object.keys(a).map((k) => k.length));
  process.stdout.write(`${'what'.padEnd(width)}  ${'from'.padStart(9)}  ${'to'.padStart(9)}\n`);
  for (const key of Object.keys(a)) {
    const mark = a[key] === b[key] ? '' : '  ← differs';
    process.stdout.write(
      `${key.padEnd(width)}  ${String(a[key]).padStart(9)}  ${String(b[key]).padStart(9)}${mark}\n`,
    );
  }
  await source.close();
  await copy.close();
  if (!same || Object.keys(a).some((k) => a[k] !== b[k])) {
    process.stderr.write(`store:move: the copy in ${to.name} differs from ${from.name}; do not use it\n`);
    process.exit(1);
  }
  process.stdout.write(`moved: ${from.name} → ${to.name}, every count and the whole store checked equal\n`);
} catch (error) {
  process.stderr.write(`store:move: ${(error as Error).message}\n`);
  process.exit(1);
}
