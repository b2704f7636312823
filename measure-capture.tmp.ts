import { Store } from './storage/store.js';
import { copiedBuffers } from './storage/entry-table.js';
const dir = process.argv[2] as string;
const store = await Store.readOnly(dir);
const mb = (n: number) => (n / 2 ** 20).toFixed(0);
console.log('rss after load', mb(process.memoryUsage.rss()));
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const c = store.capture();
  const total = performance.now() - t;
  t = performance.now();
  const s = JSON.stringify(store.state.members);
  console.log('capture ms', total.toFixed(1), 'state json', c.state.length, 'members json ms', (performance.now() - t).toFixed(1));
  const e = c.entries;
  console.log('text block', e.text.block.byteLength, e.text.block.buffer.constructor.name, 'at', e.at.block.byteLength, 'source', e.source.block.byteLength, 'items', e.items.count, 'dict', e.dict.length, 'photos', e.photos.length, 'codes', e.codes.length);
  void s; void copiedBuffers;
}
