import { NO_LINE } from './line.js';
import { STORE_VERSION } from './schema.js';

type Layout = Record<string, unknown>;

/**
 * Steps from one layout version to the next, keyed by the version they read. Each step is pure and
 * is applied on load; the migrated state is written when the store is opened for writing, before it
 * takes a write (storage/store.ts), and never by a read-only open.
 */
export const migrations: Readonly<Record<number, (data: Layout) => Layout>> = {
  // 1 → 2: Council review. Every entry gets a review status (pending), and model examples arrive.
  1: (v1) => ({
    ...v1,
    entries: Array.isArray(v1.entries)
      ? v1.entries.map((e: unknown) =>
          typeof e === 'object' && e !== null ? { review: 'pending', ...e } : e,
        )
      : v1.entries,
    models: [],
    nextModelNo: 1,
  }),
  // 2 → 3: scheduled posts remember their last slot; members gain reminder preferences (optional).
  2: (v2) => ({ ...v2, jobs: {} }),
  // 3 → 4: points stay where they were earned. Each member's department becomes the first of a list
  // (from registration on), and each entry records the department it counts for: its member's at
  // the time of migration, the only department layout 3 knew.
  3: (v3) => {
    const departmentOf = new Map<unknown, unknown>();
    const members = Array.isArray(v3.members)
      ? v3.members.map((m: unknown) => {
          if (typeof m !== 'object' || m === null) return m;
          const member = m as Layout;
          departmentOf.set(member.id, member.departmentId);
          return {
            ...member,
            departments: [{ departmentId: member.departmentId, from: member.registeredAt }],
          };
        })
      : v3.members;
    const entries = Array.isArray(v3.entries)
      ? v3.entries.map((e: unknown) =>
          typeof e === 'object' && e !== null
            ? { departmentId: departmentOf.get((e as Layout).memberId), ...e }
            : e,
        )
      : v3.entries;
    return { ...v3, members, entries };
  },
  // 4 → 5: registrations for the year's emulation titles, and department heads, arrive (empty).
  4: (v4) => ({ ...v4, registrations: [], heads: [] }),
  // 5 → 6: an entry may keep several photos (a Telegram album): its one photo becomes a list of one.
  5: (v5) => ({
    ...v5,
    entries: Array.isArray(v5.entries)
      ? v5.entries.map((e: unknown) => {
          if (typeof e !== 'object' || e === null) return e;
          const photo = (e as Layout).photo;
          return photo && typeof photo === 'object' && !Array.isArray(photo) ? { ...e, photo: [photo] } : e;
        })
      : v5.entries,
  }),
  // 6 → 7: the snapshot becomes `store.snapshot`, the entries a table of columns beside this state
  // (storage/snapshot-file.ts). The state itself, all but the entries, is unchanged.
  6: (v6) => v6,
  // 7 → 8: the store gets an identity and its journal lines checksums (storage/line.ts). The state of a
  // layout-7 snapshot has neither: its identity is given, and the state written in layout 8, when the
  // store is opened for writing (storage/store.ts) — before any line is written in the new form. The
  // journal lines of layout 7 (no identity, no checksum) are accepted up to that point.
  7: (v7) => ({ ...v7, store: typeof v7.store === 'string' ? v7.store : '', last: v7.last ?? NO_LINE }),
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Brings a parsed store file up to STORE_VERSION, or explains why it cannot. */
export function migrate(
  raw: unknown,
  steps: Readonly<Record<number, (data: Layout) => Layout>> = migrations,
  target = STORE_VERSION,
): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MigrationError(`expected a JSON object, found ${raw === null ? 'null' : typeof raw}`);
  }
  let data = raw as Layout;
  let version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError(`missing or invalid "version" field (${JSON.stringify(version)})`);
  }
  if (version > target) {
    throw new MigrationError(
      `version ${version} was written by a newer thidua-bot (this one reads up to ${target})`,
    );
  }
  while (version < target) {
    const step = steps[version];
    if (!step) throw new MigrationError(`no migration from version ${version}`);
    data = step(data);
    version += 1;
    data = { ...data, version };
  }
  return data;
}
