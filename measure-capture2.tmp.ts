import { Store } from './storage/store.js';
const dir = process.argv[2] as string;
const store = await Store.readOnly(dir);
const t = store.state.entries as any;
for (let i = 0; i < 3; i++) {
  const parts: Record<string, number> = {};
  const time = (name: string, f: () => unknown) => { const s = performance.now(); const r = f(); parts[name] = +(performance.now() - s).toFixed(2); return r; };
  for (const k of ['no','time','kind','flags','points','member','reporter','department','createdOn','firstItem','order']) time(k, () => t[k].copy());
  time('text', () => t.text.capture());
  time('photos', () => [...t.photos].flatMap(([row, photos]: any) => photos.map((p: any) => [row, p.platform, p.fileId])));
  time('items', () => { for (const k of ['row','action','by','platform','flags','next']) t.items[k].copy(); });
  time('itemsStr', () => { t.items.at.capture(); t.items.note.capture(); t.items.source.capture(); });
  const { entries, ...rest } = store.state as any;
  time('json', () => JSON.stringify(rest));
  time('whole', () => store.capture());
  console.log(JSON.stringify(parts));
}
