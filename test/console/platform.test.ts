import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { createConsolePlatform } from '../../bot/console/platform.js';
import { html } from '../../core/html.js';
import type { PlatformHost } from '../../core/platform.js';
import { memoryLogger } from '../helpers/agency.js';

it('answers pasted lines one after another, in order, and goes on after a line that failed', async () => {
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (c: Buffer) => {
    seen += c.toString('utf8');
  });
  const { logger, lines } = memoryLogger();
  const chat = createConsolePlatform({
    locale: 'vi',
    input,
    output,
    ansi: false,
    intro: 'demo',
    filesDir: '/nonexistent',
    logger,
  });
  const handled: string[] = [];
  const host: PlatformHost = {
    async handle(incoming) {
      // The first line takes a while: the lines pasted after it wait for its answer.
      if (incoming.text === '/mot') await new Promise((resolve) => setImmediate(resolve));
      if (incoming.text === '/hai') throw new Error('the answer could not be written');
      handled.push(incoming.text);
      await chat.reply(undefined, { html: html`đáp ${incoming.text}` });
    },
    async membership() {},
  };
  await chat.start(host);
  input.end(['/mot', '/hai', '/ba'].join('\n'));
  await chat.finished();
  expect(handled).toEqual(['/mot', '/ba']);
  expect(seen.indexOf('đáp /mot')).toBeLessThan(seen.indexOf('đáp /ba'));
  expect(lines().filter((l) => l.msg === 'console line failed')).toHaveLength(1);
});
