/**
 * Events of the Zalo Bot Platform, as `getUpdates` answers them and as a webhook receives them, parsed
 * into one typed union. Field names, kinds and the sources they come from: docs/zalo-bot-platform.md.
 */
import * as z from 'zod';

/** The event names the Platform's documentation lists. Others exist in the wild and parse as 'unknown'. */
export const ZALO_BOT_EVENT = {
  text: 'message.text.received',
  image: 'message.image.received',
  sticker: 'message.sticker.received',
  unsupported: 'message.unsupported.received',
} as const;

/** Who sent a message. Ids are opaque strings (e.g. `6ede9afa66b88fe6d6a9`), never numbers. */
export interface ZaloBotSender {
  id: string;
  displayName: string | undefined;
  isBot: boolean;
}

/** Where a message was sent: `PRIVATE` today; the documentation announces `GROUP` (in beta). */
export interface ZaloBotChat {
  id: string;
  type: string;
}

/** What every message event carries. */
export interface ZaloBotMessageMeta {
  messageId: string | undefined;
  /** Milliseconds since the epoch: the Platform counts in ms, not in seconds as Telegram does. */
  date: number | undefined;
  chat: ZaloBotChat;
  from: ZaloBotSender;
}

/** One event, by kind. `event_name` is the Platform's own name, kept for logs. */
export type ZaloBotUpdate =
  | { kind: 'text'; event_name: string; message: ZaloBotMessageMeta; text: string }
  | {
      kind: 'image';
      event_name: string;
      message: ZaloBotMessageMeta;
      /** A URL on Zalo's servers; download it promptly if it is to be kept. */
      photoUrl: string;
      caption: string | undefined;
    }
  | {
      kind: 'sticker';
      event_name: string;
      message: ZaloBotMessageMeta;
      sticker: string;
      stickerUrl: string | undefined;
    }
  | {
      /** A message the Platform withholds (a protected user, or content it does not forward). */
      kind: 'unsupported';
      event_name: string;
      /** Who and where, when the Platform says so; the content is never given. */
      message: ZaloBotMessageMeta | undefined;
    }
  | { kind: 'unknown'; event_name: string };

export type ZaloBotUpdateKind = ZaloBotUpdate['kind'];

const messageMeta = z.object({
  message_id: z.string().optional(),
  date: z.number().optional(),
  chat: z.object({ id: z.string().min(1), chat_type: z.string().optional() }),
  from: z.object({
    id: z.string().min(1),
    display_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
});

const textMessage = messageMeta.extend({ text: z.string() });
// The documentation names the image's URL `photo`; clients in use report `photo_url` on real events.
const imageMessage = messageMeta.extend({
  photo: z.unknown().optional(),
  photo_url: z.unknown().optional(),
  caption: z.string().optional(),
});
const stickerMessage = messageMeta.extend({ sticker: z.string().min(1), url: z.string().optional() });
const event = z.object({ event_name: z.string().min(1), message: z.unknown().optional() });

export type ParsedUpdate = { ok: true; update: ZaloBotUpdate } | { ok: false; problem: string };

/**
 * Parses one event (the `result` of getUpdates, or the event a webhook receives). Event names it does not
 * know come back as `{ kind: 'unknown' }`; a known event whose fields do not match comes back as a problem.
 */
export function parseZaloBotUpdate(raw: unknown): ParsedUpdate {
  const head = event.safeParse(raw);
  if (!head.success) return { ok: false, problem: `not an event: ${z.prettifyError(head.error)}` };
  const { event_name, message } = head.data;
  const malformed = (error: z.ZodError): ParsedUpdate => ({
    ok: false,
    problem: `${event_name}: ${z.prettifyError(error)}`,
  });

  switch (event_name) {
    case ZALO_BOT_EVENT.text: {
      const m = textMessage.safeParse(message);
      if (!m.success) return malformed(m.error);
      return { ok: true, update: { kind: 'text', event_name, message: meta(m.data), text: m.data.text } };
    }
    case ZALO_BOT_EVENT.image: {
      const m = imageMessage.safeParse(message);
      if (!m.success) return malformed(m.error);
      const photoUrl = firstUrl(m.data.photo, m.data.photo_url);
      if (photoUrl === undefined) return { ok: false, problem: `${event_name}: no photo URL` };
      return {
        ok: true,
        update: { kind: 'image', event_name, message: meta(m.data), photoUrl, caption: m.data.caption },
      };
    }
    case ZALO_BOT_EVENT.sticker: {
      const m = stickerMessage.safeParse(message);
      if (!m.success) return malformed(m.error);
      return {
        ok: true,
        update: {
          kind: 'sticker',
          event_name,
          message: meta(m.data),
          sticker: m.data.sticker,
          stickerUrl: m.data.url,
        },
      };
    }
    case ZALO_BOT_EVENT.unsupported: {
      // The content is withheld by design; who and where are kept when they are there.
      const m = messageMeta.safeParse(message);
      return {
        ok: true,
        update: { kind: 'unsupported', event_name, message: m.success ? meta(m.data) : undefined },
      };
    }
    default:
      return { ok: true, update: { kind: 'unknown', event_name } };
  }
}

function meta(m: z.infer<typeof messageMeta>): ZaloBotMessageMeta {
  return {
    messageId: m.message_id,
    date: m.date,
    chat: { id: m.chat.id, type: m.chat.chat_type ?? 'PRIVATE' },
    from: { id: m.from.id, displayName: m.from.display_name, isBot: m.from.is_bot ?? false },
  };
}

function firstUrl(...candidates: unknown[]): string | undefined {
  for (const c of candidates) if (typeof c === 'string' && c.trim() !== '') return c.trim();
  return undefined;
}
