/**
 * English beside Vietnamese: every message of `vi` exists in `en`, uses the same parameters and carries
 * the same HTML tags — dropping a parameter in one locale passes `tsc`, so it is checked here.
 */
import { describe, expect, it } from 'vitest';
import { Html } from '../core/html.js';
import { en } from '../locales/en.js';
import { vi } from '../locales/vi.js';

type Tree = Record<string, unknown>;

/** Every leaf of a message tree with its dotted path. */
function leaves(tree: unknown, path = ''): [string, unknown][] {
  if (tree && typeof tree === 'object' && !(tree instanceof Html) && !Array.isArray(tree)) {
    return Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, tree]];
}

function at(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
}

function text(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(text).join('\n');
  return JSON.stringify(value) ?? '';
}

/** The tags of a piece of markup, sorted: `<b>…</b>` gives ['/b', 'b']. */
function tags(markup: string): string[] {
  return [...markup.matchAll(/<(\/?[a-z]+)[\s>]/gi)].map((m) => (m[1] as string).toLowerCase()).sort();
}

/**
 * A value that stands for parameter `i` whatever its type: it prints as a marker, has every property
 * (each another marker), can be iterated (once) and compared.
 */
function marker(label: string): unknown {
  const target = () => undefined;
  return new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 601 : `‹${label}›`);
      if (key === Symbol.iterator)
        return function* () {
          yield marker(`${label}[0]`);
        };
      if (key === 'length') return 1;
      if (key === 'toString' || key === 'valueOf') return () => `‹${label}›`;
      if (key === 'map') return (f: (v: unknown, i: number) => unknown) => [f(marker(`${label}[0]`), 0)];
      if (key === 'join') return () => `‹${label}›`;
      if (typeof key === 'symbol') return undefined;
      return marker(`${label}.${key}`);
    },
    apply() {
      return `‹${label}()›`;
    },
  });
}

const shapes: ((i: number) => unknown)[] = [
  (i) => `‹p${i}›`,
  (i) => 601 + i,
  (i) => marker(`p${i}`),
  (i) => ({ kind: 'week', index: 48, year: 2026, first: `‹p${i}›`, code: `‹p${i}›` }),
];

/** Which parameters show in the output, and the output, for the first shape that does not throw. */
function call(fn: (...args: never[]) => unknown, shape: (i: number) => unknown) {
  const args = Array.from({ length: Math.max(fn.length, 1) }, (_, i) => shape(i));
  const out = text((fn as (...a: unknown[]) => unknown)(...args));
  const used = args
    .map((_, i) => i)
    .filter((i) => out.includes(`‹p${i}`) || new RegExp(`(?<!\\d)${601 + i}(?!\\d)`).test(out));
  return { out, used };
}

const viLeaves = leaves(vi);

describe('the English locale beside the Vietnamese one', () => {
  it('has every message of vi, and nothing vi lacks', () => {
    const viKeys = viLeaves.map(([k]) => k).sort();
    const enKeys = leaves(en)
      .map(([k]) => k)
      .sort();
    expect(enKeys).toEqual(viKeys);
  });

  it('each message takes the same number of parameters, uses the same ones, and has the same tags', () => {
    const problems: string[] = [];
    let compared = 0;
    for (const [path, viValue] of viLeaves) {
      const enValue = at(en, path);
      if (typeof viValue !== typeof enValue) {
        problems.push(`${path}: ${typeof viValue} in vi, ${typeof enValue} in en`);
        continue;
      }
      if (typeof viValue !== 'function') {
        if (tags(text(viValue)).join() !== tags(text(enValue)).join()) {
          problems.push(`${path}: tags ${tags(text(viValue))} in vi, ${tags(text(enValue))} in en`);
        }
        compared += 1;
        continue;
      }
      const viFn = viValue as (...args: unknown[]) => unknown;
      const enFn = enValue as (...args: unknown[]) => unknown;
      if (viFn.length !== enFn.length) {
        problems.push(`${path}: ${viFn.length} parameters in vi, ${enFn.length} in en`);
        continue;
      }
      let done = false;
      for (const shape of shapes) {
        let a: ReturnType<typeof call>;
        let b: ReturnType<typeof call>;
        try {
          a = call(viFn, shape);
          b = call(enFn, shape);
        } catch {
          continue;
        }
        if (a.used.join() !== b.used.join()) {
          problems.push(`${path}: uses parameters [${a.used}] in vi, [${b.used}] in en`);
        }
        if (tags(a.out).join() !== tags(b.out).join()) {
          problems.push(`${path}: tags [${tags(a.out)}] in vi, [${tags(b.out)}] in en`);
        }
        done = true;
        compared += 1;
        break;
      }
      if (!done) problems.push(`${path}: could not be called with any test values`);
    }
    expect(problems).toEqual([]);
    expect(compared).toBe(viLeaves.length);
  });

  it('notices a dropped parameter and a dropped tag (the check itself can fail)', () => {
    const withParam = (name: string) => `<b>${name}</b>`;
    const without = (_name: string) => '<b>someone</b>';
    expect(call(withParam, shapes[0] as (i: number) => unknown).used).toEqual([0]);
    expect(call(without, shapes[0] as (i: number) => unknown).used).toEqual([]);
    expect(tags('<b>x</b> <i>y</i>')).not.toEqual(tags('<b>x</b> y'));
  });
});
