import { Worker } from 'node:worker_threads';
import { FONT_FAMILY, FONT_FILES } from './chart-font.js';

/**
 * Draws an SVG into a PNG, `scale` device pixels per SVG unit, with the shipped font only: no system
 * fonts, so the picture is the same on every server. All of resvg's work (and the megabytes of pixels
 * it touches) happens in a worker thread started for the one picture, so the event loop goes on.
 */
export function svgToPng(svg: string, scale: number, background: string): Promise<Buffer> {
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
    worker.once('message', (png: Uint8Array) =>
      resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the chart renderer stopped (exit code ${code}) without a picture`)),
    );
  });
}
