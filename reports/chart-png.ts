import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { FONT_FAMILY, FONT_FILES } from './chart-font.js';

/** A picture could not be drawn now: too many are waiting, or the renderer did not finish in time. */
export class ChartBusyError extends Error {
  override readonly name = 'ChartBusyError';
}

export interface PngOptions {
  /** Longest wait for one picture before its worker is stopped (default 30 s). */
  timeoutMs?: number;
}

/** Pictures are drawn one at a time: each takes a worker, ~15–30 MB of pixels and most of a core. */
const MAX_WAITING = 16;
/** The last pictures drawn, by their SVG: the same board asked for twice is drawn once. */
const CACHE_SIZE = 8;

const cache = new Map<string, Buffer>();
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/**
 * Draws an SVG into a PNG, `scale` device pixels per SVG unit, with the shipped font only: no system
 * fonts, so the picture is the same on every server. All of resvg's work (and the megabytes of pixels
 * it touches) happens in a worker thread started for the one picture, so the event loop goes on.
 * Pictures wait their turn (at most 16 wait; more are refused with ChartBusyError), and the last few
 * are remembered, so twenty people asking for the same leaderboard cost one drawing.
 */
export function svgToPng(
  svg: string,
  scale: number,
  background: string,
  options: PngOptions = {},
): Promise<Buffer> {
  const key = createHash('sha256').update(`${scale}|${background}|${svg}`).digest('base64');
  const known = cache.get(key);
  if (known) return Promise.resolve(known);
  if (waiting >= MAX_WAITING) return Promise.reject(new ChartBusyError('too many pictures waiting'));
  waiting += 1;
  const turn = queue.then(async () => {
    try {
      const again = cache.get(key);
      if (again) return again;
      const png = await draw(svg, scale, background, options.timeoutMs ?? 30_000);
      cache.set(key, png);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return png;
    } finally {
      waiting -= 1;
    }
  });
  queue = turn.catch(() => {});
  return turn;
}

function draw(svg: string, scale: number, background: string, timeoutMs: number): Promise<Buffer> {
  const options = {
    font: {
      loadSystemFonts: false,
      fontFiles: Object.values(FONT_FILES),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: 'zoom', value: scale },
    background,
    logLevel: 'off',
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./chart-png-worker.mjs', import.meta.url), {
      workerData: { svg, options },
    });
    const timer = setTimeout(() => {
      reject(new ChartBusyError(`the chart renderer did not finish within ${timeoutMs} ms`));
      void worker.terminate();
    }, timeoutMs);
    timer.unref();
    worker.once('message', (png: Uint8Array) => {
      clearTimeout(timer);
      resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the chart renderer stopped (exit code ${code}) without a picture`));
    });
  });
}
