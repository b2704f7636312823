import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { ChartBusyError, svgToPng } from '../../reports/chart-png.js';

it('draws an SVG into a PNG at the given scale, on the given background', async () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">' +
    '<rect x="60" width="60" height="40" fill="#3A9A84"/><text x="4" y="27" font-size="18">Việt</text></svg>';
  const png = PNG.sync.read(await svgToPng(svg, 1.5, '#F6F3EC'));
  expect({ width: png.width, height: png.height }).toEqual({ width: 180, height: 60 });
  const pixel = (x: number, y: number) => [...png.data.subarray((y * 180 + x) * 4, (y * 180 + x) * 4 + 4)];
  expect(pixel(0, 0)).toEqual([0xf6, 0xf3, 0xec, 0xff]);
  expect(pixel(150, 30)).toEqual([0x3a, 0x9a, 0x84, 0xff]);
  // The word is drawn: some pixels left of the rectangle are neither background nor transparent.
  const ink = Array.from({ length: 60 * 90 }, (_, i) => pixel(i % 90, Math.floor(i / 90))).filter(
    ([r]) => r !== undefined && r < 0x80,
  );
  expect(ink.length).toBeGreaterThan(50);
});

it('rejects an SVG it cannot read, and the next picture is drawn as usual', async () => {
  await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><text>', 1, '#FFFFFF')).rejects.toThrow();
  const png = PNG.sync.read(
    await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"/>', 1, '#FFF'),
  );
  expect({ width: png.width, height: png.height }).toEqual({ width: 3, height: 2 });
});

it('draws the same picture once: asked again, it is remembered', async () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="5" height="4"><rect width="2" height="2"/></svg>';
  const [first, second] = await Promise.all([svgToPng(svg, 1, '#FFF'), svgToPng(svg, 1, '#FFF')]);
  expect(second).toBe(first);
  expect(await svgToPng(svg, 1, '#FFF')).toBe(first);
  // Another scale is another picture.
  expect(PNG.sync.read(await svgToPng(svg, 2, '#FFF')).width).toBe(10);
});

it('draws one picture at a time and refuses more than 16 waiting, without losing those accepted', async () => {
  const svgs = Array.from(
    { length: 20 },
    (_, i) => `<svg xmlns="http://www.w3.org/2000/svg" width="${i + 1}" height="3"/>`,
  );
  const results = await Promise.allSettled(svgs.map((svg) => svgToPng(svg, 1, '#FFF')));
  const drawn = results.flatMap((r) => (r.status === 'fulfilled' ? [PNG.sync.read(r.value).width] : []));
  const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  expect(drawn).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  expect(refused).toHaveLength(4);
  for (const error of refused) expect(error).toBeInstanceOf(ChartBusyError);
  // Once the queue has drained, pictures are drawn again.
  const last = await svgToPng(svgs[19] as string, 1, '#FFF');
  expect(PNG.sync.read(last).width).toBe(20);
  // A picture drawn before comes back at once, even while the queue is full.
  const busy = svgs.map((svg) => svgToPng(svg.replace('height="3"', 'height="4"'), 1, '#FFF'));
  expect(await svgToPng(svgs[19] as string, 1, '#FFF')).toBe(last);
  await Promise.allSettled(busy);
});
