import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { envSchema } from '../../bot/config.js';

/** Every variable the bot reads at start-up, from the schema that validates them. */
const variables = Object.keys(envSchema.shape).sort();

/** The README's settings table: each row's variable names (first cell) and its default (second cell). */
function readmeTable(): Map<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configuration\n'));
  const body = section.slice(0, section.indexOf('\n## ', 1));
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [names = '', fallback = ''] = line.split(' | ').map((cell) => cell.replace(/^\| /, ''));
    for (const [, name] of names.matchAll(/`([A-Z0-9_]+)`/g)) rows.set(name as string, fallback.trim());
  }
  return rows;
}

it("the README's settings table names every variable of the config schema, and no other", () => {
  const table = readmeTable();
  expect([...table.keys()].sort()).toEqual(variables);
});

it("the README's settings table gives each variable the default the schema applies", () => {
  const table = readmeTable();
  for (const name of variables) {
    const schema = envSchema.shape[name as keyof typeof envSchema.shape];
    const value: unknown = schema.parse(undefined);
    const shown = table.get(name) ?? '';
    const written = /^`([^`]*)`$/.exec(shown)?.[1];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      // No default: a dash, or words saying where it comes from (LEADERBOARD_CRON: the plan's).
      expect(written, `${name}: the README shows a default the schema does not have`).toBeUndefined();
    } else {
      expect(written, `${name}: its default in the README`).toBe(String(value));
    }
  }
});

it('.env.example describes every variable of the config schema', () => {
  const example = readFileSync('.env.example', 'utf8');
  const named = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
  expect(variables.filter((name) => !named.has(name))).toEqual([]);
});

it("the README's links within itself lead to a heading", () => {
  const readme = readFileSync('README.md', 'utf8');
  // GitHub's anchors: the heading in lower case, punctuation dropped, spaces as hyphens.
  const anchors = new Set(
    [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
      (m[1] as string)
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
  const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
  expect(links.length).toBeGreaterThan(0);
  expect(links.filter((link) => !anchors.has(link))).toEqual([]);
});
