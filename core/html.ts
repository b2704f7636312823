/**
 * Markup as a type. Replies use Telegram's HTML subset (<b>, <i>, <code>); every other platform turns
 * it into plain text. `Html` is a class, not a string, so the two cannot be mixed up: the `html` tag
 * escapes every plain string it is given and passes `Html` through, and a reply only takes `Html`.
 * Forgetting to escape user text therefore does not compile — there is nowhere to put a raw string.
 */
export class Html {
  private constructor(readonly value: string) {}

  /** Markup known to be safe: only for this module and the platform renderers' tests. */
  static trusted(value: string): Html {
    return new Html(value);
  }

  /**
   * Markup is never turned into a string by accident (a template literal, `join`, `+`): that would
   * lose the escaping rule, so it throws. Renderers read `value`; `joinHtml` and `html` compose.
   */
  toString(): string {
    throw new TypeError('Html used as a string: compose it with html`…` or joinHtml, or read .value');
  }

  toJSON(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for Telegram's HTML parse mode: `&`, `<`, `>` and `"` escaped. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** What may be put into markup: markup as it is, text and numbers escaped, nothing for false/undefined. */
export type HtmlPart = Html | string | number | false | null | undefined;

function part(value: HtmlPart): string {
  if (value instanceof Html) return value.value;
  if (value === false || value === null || value === undefined) return '';
  return escapeText(String(value));
}

/** The escaping template tag: html`<b>${name}</b>` escapes `name` unless it is `Html` already. */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? '';
  for (const [i, value] of values.entries()) out += part(value) + (strings[i + 1] ?? '');
  return Html.trusted(out);
}

/** Text as markup (escaped). */
export function esc(text: string): Html {
  return Html.trusted(escapeText(text));
}

/** Lines of markup or text joined by `separator`; false and undefined lines are left out. */
export function joinHtml(lines: readonly HtmlPart[], separator = '\n'): Html {
  return Html.trusted(
    lines
      .filter((l) => l !== false && l !== undefined && l !== null)
      .map(part)
      .join(separator),
  );
}

/** Reply markup as plain text, for platforms without formatting (console, Zalo). */
export function htmlToPlain(markup: Html | string): string {
  const text = markup instanceof Html ? markup.value : markup;
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
