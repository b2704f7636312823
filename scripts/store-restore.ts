// `npm run store:restore -- BACKUP [DATA_DIR] [--other-store]`: puts a daily backup
// (`DATA_DIR/backups/store-YYYY-MM-DD.snapshot`) in place as the store, with the bot STOPPED. The backup
// is checked first as a start checks a store; the files in place are moved to
// `DATA_DIR/backups/replaced-<time>/` (nothing is deleted); a backup of another store is refused unless
// `--other-store`. Prints what it restored and what it replaced (storage/restore.ts).

import { readAgencyFile } from '../bot/config.js';
import { describeRestore, RestoreRefused, restoreBackup } from '../storage/restore.js';

const args = process.argv.slice(2);
const otherStore = args.includes('--other-store');
const [backup, dir = process.env.DATA_DIR ?? 'data'] = args.filter((a) => !a.startsWith('--'));
if (!backup) {
  process.stderr.write('usage: npm run store:restore -- BACKUP [DATA_DIR] [--other-store]\n');
  process.exit(2);
}
let departments: string[] | undefined;
try {
  departments = readAgencyFile(process.env.AGENCY_CONFIG ?? 'config/agency.json').departments.map(
    (d) => d.id,
  );
} catch {
  departments = undefined; // the departments are then not checked
}
try {
  const report = await restoreBackup(dir, backup, { otherStore, rules: { departments } });
  process.stdout.write(`${describeRestore(report)}\n`);
} catch (error) {
  if (error instanceof RestoreRefused) {
    process.stderr.write(`store:restore: ${error.message}\nNothing was changed.\n`);
    process.exit(1);
  }
  throw error;
}
