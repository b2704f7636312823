/**
 * A message of several parts (its text, then report files) is done only once every part has gone out
 * or failed: the host gives a report file's bytes back once its message is delivered (bot/app.ts), so
 * a file still queued when its message was declared done went out empty (found in review: a text part
 * that failed made Promise.all reject at once).
 */
import { expect, it } from 'vitest';
import { ChoiceMemory } from '../../bot/kit/choices.js';
import { realTimers } from '../../bot/kit/timers.js';
import { ZaloSender } from '../../bot/zalo/sender.js';
import type { ZaloThread, ZaloTransport } from '../../bot/zalo/transport.js';
import { html } from '../../core/html.js';
import type { OutFile } from '../../core/message.js';

it('settles a message only after its file has gone out, even when its text failed', async () => {
  const events: string[] = [];
  let release!: () => void;
  const fileMayGo = new Promise<void>((resolve) => {
    release = resolve;
  });
  const transport = {
    async sendText() {
      events.push('text failed');
      throw new Error('Zalo refused the text');
    },
    async sendFile(_thread: ZaloThread, file: OutFile) {
      await fileMayGo;
      events.push(`file sent, ${file.data.length} bytes`);
    },
    async sendImage() {},
  } as unknown as ZaloTransport;
  const sender = new ZaloSender(
    transport,
    { state: 'ready', canSend: () => true },
    {
      groupId: 'g1',
      intervalMs: 0,
      timers: realTimers,
      logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
      choices: new ChoiceMemory(),
      pickHint: () => '',
    },
  );
  const file = { filename: 'tong-hop.xlsx', data: Buffer.alloc(1000, 1) };
  const sent = sender.toGroup({ html: html`Các file báo cáo`, files: [file] }).then(
    () => events.push('message done'),
    () => events.push('message failed'),
  );
  // Once the text has failed, the file still waits in the queue: the message is not done yet.
  while (!events.includes('text failed')) await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(events).toEqual(['text failed']);
  release();
  await sent;
  expect(events).toEqual(['text failed', 'file sent, 1000 bytes', 'message failed']);
});
