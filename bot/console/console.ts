import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Choice, Reply } from '../../core/context.js';
import type { Router } from '../../core/router.js';
import { htmlToPlain } from '../../core/text.js';
import { type Locale, locales } from '../../locales/index.js';
import { DEMO_USER } from './demo.js';

export interface ConsoleOptions {
  router: Router;
  locale: Locale;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Colours and bold with ANSI escapes (when the output is a terminal). */
  ansi: boolean;
  intro: string;
  /** Where report files are written (the console cannot attach them). */
  filesDir: string;
}

/**
 * Renders reply HTML for a terminal: bold and code highlighted, the rest plain; choices numbered
 * from `firstNumber` (the numbers run on across the replies of one answer, as they are shown).
 */
export function renderForTerminal(reply: Reply, ansi: boolean, firstNumber = 1): string {
  let html = reply.html;
  if (ansi)
    html = html
      .replace(/<b>/g, '\x1b[1m')
      .replace(/<\/b>/g, '\x1b[22m')
      .replace(/<code>/g, '\x1b[36m')
      .replace(/<\/code>/g, '\x1b[39m');
  const choices = (reply.choices ?? []).map((c, i) => `  ${firstNumber + i}. ${c.label}  (${c.command})`);
  return [htmlToPlain(html), ...choices].join('\n');
}

/**
 * The console platform: one demo member chatting in a demo group. A bare number picks one of the
 * last reply's choices, as a button would on Telegram.
 */
export function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, output } = options;
  const rl = createInterface({ input: options.input, output, terminal: false });
  let lastChoices: Choice[] = [];
  let counter = 0;
  const write = (text: string) => output.write(`${text}\n`);
  const prompt = () => output.write('> ');
  write(options.intro);
  prompt();

  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      let text = line.trim();
      const picked = /^\d+$/.test(text) ? lastChoices[Number(text) - 1] : undefined;
      if (picked) {
        // Say which command the number runs, so the choice is never a guess.
        text = picked.command;
        write(locales[options.locale].chosen(text));
      }
      if (text === '/thoat' || text === '/exit') {
        rl.close();
        return;
      }
      if (text) {
        counter += 1;
        const replies = await router.handle({
          platform: 'console',
          caller: { identity: DEMO_USER.identity, displayName: DEMO_USER.displayName },
          chat: { id: 'console', kind: 'group' },
          text,
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
        });
        // Numbers always refer to the last answer, as shown: an answer without choices clears them.
        const choices: Choice[] = [];
        for (const reply of replies ?? []) {
          if (reply.to === 'group') write('📣 (nhóm / group)');
          else if (reply.to && reply.to !== 'chat') write(`✉️  (${reply.to.identity})`);
          write(renderForTerminal(reply, options.ansi, choices.length + 1));
          choices.push(...(reply.choices ?? []));
          for (const file of reply.files ?? []) {
            await mkdir(options.filesDir, { recursive: true });
            const path = join(options.filesDir, file.filename);
            await writeFile(path, file.data);
            write(`📎 ${path}`);
          }
          write('');
        }
        lastChoices = choices;
      }
      prompt();
    });
  });
  return new Promise((resolve) => rl.on('close', () => void queue.then(() => resolve())));
}
