/**
 * The dependency rule of docs/architecture.md, checked on every import of every source file (static,
 * dynamic and type-only alike): a wrong import fails `npm test`, not a code review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PLATFORMS = ['telegram', 'zalo', 'zalo-bot', 'console'];
/** The adapters' shared parts (bot/kit/): lanes, work in flight, numbered choices, the clock. */
const KIT = 'bot/kit';

/** The layer a source file belongs to: a top folder, or `bot/<platform>` for a platform's folder. */
function layerOf(file: string): string {
  const parts = relative(ROOT, file).split(/[\\/]/);
  if (parts[0] === 'bot' && parts.length > 2 && [...PLATFORMS, 'kit'].includes(parts[1] as string)) {
    return `bot/${parts[1]}`;
  }
  if (parts[0] === 'bot') return 'bot';
  return parts[0] as string;
}

/** What each layer may import besides itself (bare package names are not checked here). */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['locales'],
  locales: ['core/html'],
  storage: ['core'],
  reports: ['core', 'locales'],
  // Commands ask reports/ for files and pictures through their context (core/reports.ts's Reports).
  commands: ['core', 'locales'],
  // The kit the adapters compose stands on the core alone.
  [KIT]: ['core', 'locales'],
  // A platform's folder translates between its API and the contract in core, composed of the kit's
  // parts; it never reaches the store, the commands or another platform.
  'bot/telegram': ['core', 'locales', KIT],
  'bot/zalo': ['core', 'locales', KIT],
  'bot/zalo-bot': ['core', 'locales', KIT],
  'bot/console': ['core', 'locales', KIT],
  // The desk reads through the core and the commands' own functions, and writes by running commands;
  // it never reaches the store's implementation or a platform's folder.
  web: ['core', 'locales', 'reports', 'commands'],
  // The composition root (bot/*.ts) wires everything together.
  bot: ['core', 'locales', 'storage', 'commands', 'reports', 'web', KIT, ...PLATFORMS.map((p) => `bot/${p}`)],
  // The operator's tools (npm run store:*, the build, the screenshots) are composition roots too; a test
  // helper is theirs only to drive a browser for the README's pictures.
  scripts: [
    'core',
    'locales',
    'storage',
    'commands',
    'reports',
    'web',
    'bot',
    KIT,
    ...PLATFORMS.map((p) => `bot/${p}`),
    'test/helpers/browser',
  ],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    // JavaScript modules too: the worker entry points (bot/tsx-worker.mjs, reports/chart-png-worker.mjs)
    // and the build script are code of their layer like any other.
    else if (/\.(ts|mts|mjs|js)$/.test(name) && !/\.d\.m?ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Every relative module a file imports, by static import, export … from, import() or import type. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((name) => name.startsWith('.'));
}

function allowed(from: string, target: string, targetLayer: string): boolean {
  if (targetLayer === from) return true;
  const rules = ALLOWED[from] ?? [];
  const path = relative(ROOT, target)
    .replace(/\\/g, '/')
    .replace(/\.(js|ts)$/, '');
  return rules.some((rule) => rule === targetLayer || path === rule);
}

const LAYERS = Object.keys(ALLOWED);
const files = LAYERS.filter((l) => !l.includes('/'))
  .flatMap((top) => {
    try {
      return sourceFiles(join(ROOT, top));
    } catch {
      return [];
    }
  })
  .filter((f, i, all) => all.indexOf(f) === i);

describe('layers point one way', () => {
  it('finds the source files it checks, the JavaScript modules among them', () => {
    expect(files.length).toBeGreaterThan(50);
    const names = files.map((f) => relative(ROOT, f).replace(/\\/g, '/'));
    expect(names).toEqual(
      expect.arrayContaining(['bot/tsx-worker.mjs', 'reports/chart-png-worker.mjs', 'scripts/build.mjs']),
    );
  });

  it('no file imports a layer it may not', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec);
        const targetLayer = layerOf(target);
        if (!allowed(from, target, targetLayer)) {
          wrong.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${targetLayer})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the rule itself catches a wrong import', () => {
    const core = join(ROOT, 'core/router.ts');
    expect(allowed(layerOf(core), join(ROOT, 'storage/store.js'), 'storage')).toBe(false);
    expect(allowed('locales', join(ROOT, 'core/domain.js'), 'core')).toBe(false);
    expect(allowed('locales', join(ROOT, 'core/html.js'), 'core')).toBe(true);
    expect(allowed('bot/telegram', join(ROOT, 'commands/index.js'), 'commands')).toBe(false);
    expect(allowed('bot/telegram', join(ROOT, 'bot/zalo/zca.js'), 'bot/zalo')).toBe(false);
    // The kit is a layer of its own: platforms compose it, it knows none of them.
    expect(layerOf(join(ROOT, 'bot/kit/lanes.ts'))).toBe('bot/kit');
    expect(allowed('bot/zalo', join(ROOT, 'bot/kit/lanes.js'), 'bot/kit')).toBe(true);
    expect(allowed('bot/kit', join(ROOT, 'bot/zalo/zca.js'), 'bot/zalo')).toBe(false);
  });

  it('one module owns the "platform:id" format', () => {
    const parsers = files.filter(
      (f) =>
        !f.endsWith(join('core', 'identity.ts')) &&
        /\.(startsWith|indexOf)\((['`])(telegram|zalo|zalobot|console):/.test(readFileSync(f, 'utf8')),
    );
    expect(parsers.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('one function builds a message key (core/message.ts messageKey): no platform writes its own', () => {
    const byHand = files.filter((f) =>
      /messageKey(Of)?\s*[:=][^\n]*`[a-z]*:\$\{/.test(readFileSync(f, 'utf8')),
    );
    expect(byHand.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

/** The core modules each core module imports (type-only imports too), by name: `router` → `context`, … */
function coreGraph(): Map<string, string[]> {
  const core = join(ROOT, 'core');
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(core)) {
    const targets = importsOf(file)
      .map((spec) => resolve(dirname(file), spec))
      .filter((target) => dirname(target) === core)
      .map((target) => relative(core, target).replace(/\.(js|ts)$/, ''));
    graph.set(relative(core, file).replace(/\.ts$/, ''), targets);
  }
  return graph;
}

/** The groups of modules that import each other, directly or through others (Tarjan's components). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * Core modules that still import each other in a ring (errors.ts names a records type, records.ts the
 * repository, which names the Council's records, whose config names the agency, which throws an
 * error): known, to be untangled with the repository's split. It may shrink; nothing may join it.
 */
const KNOWN_RING = ['agency', 'council', 'council-records', 'errors', 'records', 'repository', 'titles'];

describe('the core’s own modules', () => {
  const graph = coreGraph();

  it('import each other one way: no ring of imports beyond the known one', () => {
    expect(graph.get('router')).toContain('steps');
    const rings = cycles(graph).filter((ring) => !ring.every((m) => KNOWN_RING.includes(m)));
    expect(rings).toEqual([]);
  });

  it('the command context and the platform contract both stand on the message primitives, not on each other', () => {
    expect(graph.get('context')).toContain('message');
    expect(graph.get('platform')).toContain('message');
    expect(graph.get('context')).not.toContain('platform');
    expect(graph.get('platform')).not.toContain('context');
    const inRings = cycles(graph).flat();
    for (const module of ['context', 'platform', 'message', 'html']) expect(inRings).not.toContain(module);
  });

  it('markup (core/html.ts) is a leaf: it imports nothing of the project, so core and locales/ both stand on it', () => {
    expect(importsOf(join(ROOT, 'core/html.ts'))).toEqual([]);
  });

  it('the ring check itself finds a ring', () => {
    const ring = new Map([
      ['context', ['platform']],
      ['platform', ['message', 'context']],
      ['message', ['html']],
      ['html', []],
    ]);
    expect(cycles(ring)).toEqual([['context', 'platform']]);
  });
});
