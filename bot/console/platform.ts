import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Choice, InDocument } from '../../core/context.js';
import { DocumentFetchError } from '../../core/errors.js';
import { htmlToPlain } from '../../core/html.js';
import { idOn } from '../../core/identity.js';
import type { Log } from '../../core/log.js';
import { silentLog } from '../../core/log.js';
import type { OutMessage, Platform, PlatformHost } from '../../core/platform.js';
import { type Locale, locales } from '../../locales/index.js';
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
  /** Resolves once the user quit (`/thoat`, Ctrl+D) and every answer is written. */
  finished(): Promise<void>;
}

/** Renders reply markup for a terminal: bold and code highlighted, the rest plain. */
export function renderForTerminal(message: OutMessage, ansi: boolean, firstNumber = 1): string {
  let markup = message.html.value;
  if (ansi)
    markup = markup
      .replace(/<b>/g, '\x1b[1m')
      .replace(/<\/b>/g, '\x1b[22m')
      .replace(/<code>/g, '\x1b[36m')
      .replace(/<\/code>/g, '\x1b[39m');
  const choices = (message.choices ?? []).map((c, i) => `  ${firstNumber + i}. ${c.label}  (${c.command})`);
  return [htmlToPlain(markup), ...choices].join('\n');
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
  let lastChoices: Choice[] = [];
  let shown: Choice[] = [];
  let counter = 0;
  let done: Promise<void> = Promise.resolve();
  const write = (text: string) => output.write(`${text}\n`);

  async function save(file: { filename: string; data: Buffer }): Promise<string> {
    await mkdir(options.filesDir, { recursive: true });
    const path = join(options.filesDir, file.filename);
    await writeFile(path, file.data);
    return path;
  }

  async function print(message: OutMessage, header?: string): Promise<void> {
    if (header) write(header);
    write(renderForTerminal(message, options.ansi, shown.length + 1));
    shown.push(...(message.choices ?? []));
    // A terminal shows no pictures: they are saved beside the report files, and their path printed.
    for (const image of message.images ?? []) write(`🖼  ${await save(image)}`);
    for (const file of message.files ?? []) write(`📎 ${await save(file)}`);
    write('');
  }

  async function line(host: PlatformHost, raw: string, quit: () => void): Promise<void> {
    let text = raw.trim();
    const picked = /^\d+$/.test(text) ? lastChoices[Number(text) - 1] : undefined;
    if (picked) {
      // Say which command the number runs, so the choice is never a guess.
      text = picked.command;
      write(t.chosen(text));
    }
    if (text === '/thoat' || text === '/exit') {
      quit();
      return;
    }
    // Numbers always refer to the last answer, as shown: an answer without choices clears them.
    shown = [];
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
        messageKey: `console:${process.pid}:${counter}`,
        locale: options.locale,
        isAdmin: true,
        isCouncil: true,
        isGroupMember: async () => true,
        document: await fileNamedIn(text),
        origin: undefined,
        log: log.child({ message: counter }),
      });
    }
    lastChoices = shown;
  }

  return {
    name: 'console',
    finished: () => done,
    async start(host) {
      const rl = createInterface({ input: options.input, output, terminal: false });
      write(options.intro);
      output.write('> ');
      let queue = Promise.resolve();
      rl.on('line', (raw) => {
        queue = queue.then(async () => {
          await line(host, raw, () => rl.close());
          output.write('> ');
        });
      });
      done = new Promise((resolve) => rl.on('close', () => void queue.then(() => resolve())));
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
