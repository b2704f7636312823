import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { InDocument } from '../../core/context.js';
import { DocumentFetchError } from '../../core/errors.js';
import { htmlToPlain } from '../../core/html.js';
import { idOn } from '../../core/identity.js';
import type { Log } from '../../core/log.js';
import { silentLog } from '../../core/log.js';
import { messageKey } from '../../core/message.js';
import type { OutMessage, Platform, PlatformHost } from '../../core/platform.js';
import { type Locale, locales } from '../../locales/index.js';
import { ChoiceMemory, withChoices } from '../kit/choices.js';
import { Lanes } from '../kit/lanes.js';
import { DEMO_USER } from './demo.js';

export interface ConsoleOptions {
  locale: Locale;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Colours and bold with ANSI escapes (when the output is a terminal). */
  ansi: boolean;
  intro: string;
  /** Where report files and pictures are written (the console cannot attach them). */
  filesDir: string;
  logger?: Log;
}

export interface ConsolePlatform extends Platform {
  /** Resolves once the user quit (`/thoat`, Ctrl+D, Ctrl+C) and every answer is written. */
  finished(): Promise<void>;
  /** Ends the chat as `/thoat` does (a signal: Ctrl+C when the terminal sent it as one, SIGTERM). */
  quit(): void;
  /** Prints a line for the user above the prompt (the desk's address, once it is known). */
  notice(text: string): void;
}

/**
 * Renders reply markup for a terminal: bold and code highlighted, the rest plain, the choices numbered
 * below from `firstNumber` as on every platform without buttons (../kit/choices.ts).
 */
function renderForTerminal(message: OutMessage, ansi: boolean, firstNumber = 1, hint?: string): string {
  let markup = message.html.value;
  if (ansi)
    markup = markup
      .replace(/<b>/g, '\x1b[1m')
      .replace(/<\/b>/g, '\x1b[22m')
      .replace(/<code>/g, '\x1b[36m')
      .replace(/<\/code>/g, '\x1b[39m');
  return withChoices(htmlToPlain(markup), message.choices ?? [], firstNumber, hint);
}

/**
 * A file the line names at its end (`/nhaphoso ho-so.xlsx`, or a quoted path with spaces): the
 * terminal's way of sending a document with a command. Only an existing regular file counts.
 */
async function fileNamedIn(text: string): Promise<InDocument | undefined> {
  const match = /\s(?:"([^"]+)"|(\S+))\s*$/.exec(text);
  const path = match?.[1] ?? match?.[2];
  if (!path) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return {
    filename: basename(path),
    size: info.size,
    async read(maxBytes) {
      if (info.size > maxBytes) throw new DocumentFetchError('tooBig', `${info.size} bytes`);
      return readFile(path).catch((cause: unknown) => {
        throw new DocumentFetchError('failed', `cannot read ${path}`, { cause });
      });
    },
  };
}

/**
 * The console platform: one demo member (an admin and a Council member) chatting in a demo group.
 * Choices are numbered across the replies of one answer, in the order shown; a bare number picks one
 * of the last answer's choices and says which command it runs.
 */
export function createConsolePlatform(options: ConsoleOptions): ConsolePlatform {
  const { output } = options;
  const log = options.logger ?? silentLog;
  const t = locales[options.locale];
  /** One chat: a bare number picks one of the last answer's choices, numbered across its replies. */
  const choices = new ChoiceMemory();
  const CHAT = 'console';
  let counter = 0;
  /** Lines are answered one after another, in the order typed or pasted: the chat's lane (../kit/lanes.ts). */
  const lanes = new Lanes();
  let done: Promise<void> = Promise.resolve();
  let rl: Interface | undefined;
  /** The prompt is on screen, waiting for a line: whatever comes now (a file built in the background) goes above it. */
  let prompting = false;
  let quitting = false;
  /** Readline draws the line being typed (input and output are a terminal); else lines are read as they come. */
  const terminal = Boolean(
    (options.input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY,
  );

  /** Writes `text` (whole lines) so that the prompt, when shown, stays last with what was being typed. */
  function show(text: string): void {
    if (!prompting) {
      output.write(text);
      return;
    }
    if (terminal && rl) {
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(text);
      rl.prompt(true);
    } else {
      output.write(`\n${text}> `);
    }
  }

  async function save(file: { filename: string; data: Buffer }): Promise<string> {
    await mkdir(options.filesDir, { recursive: true });
    const path = join(options.filesDir, file.filename);
    await writeFile(path, file.data);
    return path;
  }

  async function print(message: OutMessage, header?: string): Promise<void> {
    const lines = header ? [header] : [];
    const offered = message.choices ?? [];
    const first = choices.show(CHAT, offered);
    lines.push(
      renderForTerminal(message, options.ansi, first, t.zaloBot.pickByNumber(first + offered.length - 1)),
    );
    // A terminal shows no pictures: they are saved beside the report files, and their path printed.
    for (const image of message.images ?? []) lines.push(`🖼  ${await save(image)}`);
    for (const file of message.files ?? []) lines.push(`📎 ${await save(file)}`);
    // In one write, so that an answer is never cut by another, nor by the prompt.
    show(`${lines.join('\n')}\n\n`);
  }

  async function line(host: PlatformHost, raw: string, quit: () => void): Promise<void> {
    let text = raw.trim();
    const picked = choices.read(CHAT, text);
    // Numbers always refer to the last answer, as shown: an answer without choices clears them.
    choices.begin(CHAT);
    if (picked === 'expired') {
      await print({ html: t.zaloBot.numberExpired });
      return;
    }
    if (picked) {
      // Say which command the number runs, so the choice is never a guess.
      text = picked.command;
      output.write(`${t.chosen(text)}\n`);
    }
    if (text === '/thoat' || text === '/exit') {
      quit();
      return;
    }
    if (text) {
      counter += 1;
      await host.handle({
        platform: 'console',
        caller: { identity: DEMO_USER.identity, displayName: DEMO_USER.displayName },
        chat: { id: 'console', kind: 'group' },
        text,
        // Only the bot listens in the terminal: every line is for it.
        addressed: true,
        mentions: [...text.matchAll(/(^|\s)(@[\p{L}\p{N}_]+)/gu)].map((m) => ({
          username: (m[2] as string).slice(1),
          label: m[2] as string,
          offset: (m.index ?? 0) + (m[1] as string).length,
        })),
        // The counter starts again with each run: the process id keeps the keys of two runs apart.
        messageKey: messageKey('console', CHAT, `${process.pid}-${counter}`),
        locale: options.locale,
        isAdmin: true,
        isCouncil: true,
        isGroupMember: async () => true,
        document: await fileNamedIn(text),
        origin: undefined,
        log: log.child({ message: counter }),
      });
    }
  }

  return {
    name: 'console',
    finished: () => done,
    quit() {
      quitting = true;
      rl?.close();
    },
    notice: (text) => show(`${text}\n`),
    async start(host) {
      const reader = createInterface({ input: options.input, output, terminal, prompt: '> ' });
      rl = reader;
      let closed = false;
      output.write(`${options.intro}\n`);
      const prompt = () => {
        if (closed) return;
        prompting = true;
        reader.prompt();
      };
      prompt();
      // Lines read but not yet answered: the prompt comes back once all are (pasted lines, piped input).
      let waiting = 0;
      reader.on('line', (raw) => {
        prompting = false;
        waiting += 1;
        void lanes
          .run(CHAT, () => line(host, raw, () => reader.close()))
          // A line that fails is logged; the lines after it are answered all the same.
          .catch((err: unknown) => log.error({ err }, 'console line failed'))
          .finally(() => {
            waiting -= 1;
            if (waiting === 0) prompt();
          });
      });
      // Ctrl+C on a terminal in raw mode reaches readline, not the process: it ends the chat as /thoat.
      reader.on('SIGINT', () => reader.close());
      done = new Promise((resolve) =>
        reader.on('close', () => {
          closed = true;
          prompting = false;
          // Whatever follows (the last answers, the goodbye) starts on a line of its own.
          if (terminal) output.write('\n');
          void lanes.drain().then(() => resolve());
        }),
      );
      if (quitting) reader.close();
    },
    async stop() {},
    reply: (_origin, message) => print(message),
    async sendToPerson(identity, message) {
      if (!idOn('console', identity)) return false;
      await print(message, `✉️  (${identity})`);
      return true;
    },
    sendToGroup: (message) => print(message, '📣 (nhóm / group)'),
    admins: () => [DEMO_USER.identity],
  };
}
