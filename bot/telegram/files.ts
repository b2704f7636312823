import type { Api } from 'grammy';
import type { Document } from 'grammy/types';
import type { InDocument } from '../../core/context.js';
import { DocumentFetchError } from '../../core/errors.js';
import type { Log } from '../../core/log.js';

/** How long a document's download may take, start to end. */
const FETCH_MS = 30_000;

/**
 * A document of a Telegram message, fetched only when a command reads it: getFile gives its path on
 * Telegram's file server, then the bytes come from `<apiRoot>/file/bot<token>/<path>`. That address
 * holds the bot's token, so it is never logged nor put in an error: a failure says what failed, by
 * the file's id, and nothing else. A file larger than asked (by what Telegram says, or as it arrives)
 * is refused before it is all read.
 */
export function telegramDocument(
  api: Api,
  apiRoot: string,
  token: string,
  document: Document,
  log: Log,
): InDocument {
  return {
    filename: document.file_name ?? 'tep',
    size: document.file_size,
    mimeType: document.mime_type,
    async read(maxBytes) {
      if (document.file_size !== undefined && document.file_size > maxBytes)
        throw new DocumentFetchError('tooBig', `document of ${document.file_size} bytes`);
      let path: string | undefined;
      try {
        path = (await api.getFile(document.file_id)).file_path;
      } catch (cause) {
        const said = String((cause as Error).message ?? cause)
          .split(token)
          .join('***');
        log.warn({ file: document.file_id, error: said }, 'getFile failed');
        throw new DocumentFetchError('failed', 'getFile failed');
      }
      if (!path) throw new DocumentFetchError('failed', 'getFile gave no path');
      const url = `${apiRoot}/file/bot${token}/${path.split('/').map(encodeURIComponent).join('/')}`;
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(FETCH_MS) });
      } catch (cause) {
        // The cause names the address: only its kind is kept.
        log.warn({ file: document.file_id, error: (cause as Error).name }, 'document download failed');
        throw new DocumentFetchError('failed', 'download failed');
      }
      if (!response.ok || !response.body) {
        log.warn({ file: document.file_id, status: response.status }, 'document download refused');
        throw new DocumentFetchError('failed', `download answered ${response.status}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of response.body) {
          size += chunk.length;
          if (size > maxBytes)
            throw new DocumentFetchError('tooBig', `document larger than ${maxBytes} bytes`);
          chunks.push(Buffer.from(chunk));
        }
      } catch (error) {
        if (error instanceof DocumentFetchError) throw error;
        log.warn({ file: document.file_id, error: (error as Error).name }, 'document download cut off');
        throw new DocumentFetchError('failed', 'download cut off');
      }
      return Buffer.concat(chunks);
    },
  };
}

/** Telegram serves files of up to 20 MB to bots (getFile). */
const PHOTO_MAX_BYTES = 20 * 1024 * 1024;
const PHOTO_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/**
 * An evidence photo's bytes and type, by its file id. The file's URL holds the bot token: it is
 * fetched here and never leaves the process.
 */
export async function fetchPhoto(
  api: Api,
  config: { apiRoot: string; token: string },
  fileId: string,
  /** The download's signal, made once the file's path is known (its timeout starts then). */
  signal: () => AbortSignal,
): Promise<{ data: Buffer; type: string } | undefined> {
  const file = await api.getFile(fileId);
  if (!file.file_path) return undefined;
  const response = await fetch(`${config.apiRoot}/file/bot${config.token}/${file.file_path}`, {
    signal: signal(),
  });
  if (!response.ok) return undefined;
  const declared = Number(response.headers.get('content-length'));
  if (declared > PHOTO_MAX_BYTES) return undefined;
  const data = Buffer.from(await response.arrayBuffer());
  if (data.length > PHOTO_MAX_BYTES) return undefined;
  const byName = PHOTO_TYPES[file.file_path.split('.').pop()?.toLowerCase() ?? ''];
  const sent = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  return { data, type: byName ?? sent };
}
