// Draws one SVG to a PNG in a worker thread: resvg parses, rasterises and compresses on the thread
// that calls it, and a 1280×2500 picture takes 100–300 ms of it. Plain JavaScript because a worker
// gets no TypeScript loader under every runner (tsx, vitest).
import { parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

const png = new Resvg(workerData.svg, workerData.options).render().asPng();
parentPort?.postMessage(png);
