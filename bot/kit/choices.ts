import type { Choice } from '../../core/context.js';
import type { Timers } from '../../core/timers.js';
import { realTimers } from './timers.js';

/** Numbered choices of a chat's last answer stay open this long. */
const CHOICES_KEEP_MS = 30 * 60_000;

/** Choices as numbered lines, each with the command that picks it (for chats without buttons). */
export function choiceLines(choices: readonly Choice[], first = 1): string[] {
  return choices.map((choice, i) => `${first + i}. ${choice.label} — ${choice.command}`);
}

/** Plain text with its choices numbered below it (and, when given, a line saying how to pick one). */
export function withChoices(text: string, choices: readonly Choice[], first = 1, hint?: string): string {
  if (!choices.length) return text;
  return [text, '', ...choiceLines(choices, first), ...(hint ? [hint] : [])].join('\n');
}

/** What a chat's text says about the choices shown there. */
export type Picked =
  /** A bare number that picks an open choice: its command runs. */
  | { command: string }
  /** A bare number that picks nothing open (never shown, out of range or too old). */
  | 'expired'
  /** Not a bare number: words for the core. */
  | undefined;

interface Shown {
  choices: Choice[];
  at: number;
}

/**
 * The numbered choices each chat was shown, so that a bare number sent back picks one — the same on
 * every platform without buttons (zca-js, the Zalo Bot Platform, the console). Numbers always refer to
 * the chat's last answer: `begin` (a new message came in) closes the old ones, the replies of that
 * answer number their choices on from each other, and a message that answers nothing (a notice)
 * starts a list of its own.
 */
export class ChoiceMemory {
  private readonly shown = new Map<string, Shown>();
  private readonly keepMs: number;
  private readonly timers: Timers;

  constructor(options: { keepMs?: number; timers?: Timers } = {}) {
    this.keepMs = options.keepMs ?? CHOICES_KEEP_MS;
    this.timers = options.timers ?? realTimers;
  }

  /** Reads `text` sent in `key`: a bare number picks one of the choices open there. */
  read(key: string, text: string): Picked {
    const number = /^\s*(\d{1,2})\s*$/.exec(text);
    if (!number) return undefined;
    const last = this.shown.get(key);
    const open = last && this.timers.now() - last.at < this.keepMs;
    const choice = open ? last.choices[Number(number[1]) - 1] : undefined;
    return choice ? { command: choice.command } : 'expired';
  }

  /** A new message came in on `key`: the choices shown before are closed; its answer's start afresh. */
  begin(key: string): void {
    this.shown.delete(key);
  }

  /**
   * Remembers `choices` shown on `key` and returns the number of the first: after those already shown
   * in the same answer (`reply`), or from 1 for a message of its own.
   */
  show(key: string, choices: readonly Choice[], reply = true): number {
    if (!choices.length) return 1;
    const now = this.timers.now();
    const last = reply ? this.shown.get(key) : undefined;
    const open = last && now - last.at < this.keepMs ? last.choices : [];
    this.shown.set(key, { choices: [...open, ...choices], at: now });
    return open.length + 1;
  }
}
