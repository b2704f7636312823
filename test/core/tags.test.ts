import { describe, expect, it } from 'vitest';
import { indexableTag, tagPattern, tagsIn } from '../../core/text.js';

/**
 * The store's tag index (storage/indexes.ts) holds what core/text.ts's tagsIn finds in a text; a
 * drive's entries are those whose text tagPattern matches. For every tag of letters and digits the
 * two must agree, or /chuyende would list other entries than it did by searching the texts.
 */
describe('the tags of a text', () => {
  it('are the words tagPattern finds: # and letters and digits, then the end, a space or a stop', () => {
    expect(tagsIn('Tuyên truyền bầu cử #baucu')).toEqual(['baucu']);
    expect(tagsIn('#BauCu. Trực điểm bầu cử, #tdp3!')).toEqual(['baucu', 'tdp3']);
    expect(tagsIn('#baucu\n#BAUCU\t#baucu;')).toEqual(['baucu']);
    expect(tagsIn('Sửa máy in #baucuxanh, #bau-cu, a#baucu, #bầucử, #baucu#2')).toEqual(['baucuxanh']);
    expect(tagsIn('không có thẻ')).toEqual([]);
    expect(indexableTag('baucu2026')).toBe(true);
    expect(indexableTag('bau-cu')).toBe(false);
  });

  it('agree with tagPattern on many texts, for every tag of letters and digits', () => {
    // Texts made of pieces that sit on the pattern's edges: cases, digits, letters that are not
    // ASCII, every stop it allows and some it does not, spaces of several kinds, a # anywhere.
    const pieces = [
      '#',
      'a',
      'B',
      'z',
      '1',
      'ab',
      'AB',
      'ă',
      'ſ',
      'K',
      'ı',
      ' ',
      '\u00a0',
      '\n',
      '\t',
      '.',
      ',',
      ';',
      '!',
      '?',
      '-',
      ':',
      '#',
      '##',
      '_',
      'ờ',
      '😀',
    ];
    const tags = ['a', 'b', 'ab', 'a1', 'z', '1', 'b1', 'abab', 'ba', 'zz', 's', 'k', 'i'];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let found = 0;
    for (let t = 0; t < 4000; t += 1) {
      let text = '';
      for (let k = random(12); k >= 0; k -= 1) {
        // Now and then a tag itself, in any case, then whatever comes.
        const tag = tags[random(tags.length)] as string;
        text += random(3) ? pieces[random(pieces.length)] : ` #${random(2) ? tag : tag.toUpperCase()}`;
      }
      const indexed = tagsIn(text);
      for (const tag of tags) {
        const matches = tagPattern(tag).test(text);
        if (matches) found += 1;
        expect(indexed.includes(tag), `${JSON.stringify(text)} #${tag}`).toBe(matches);
      }
    }
    // The texts did carry tags, in numbers.
    expect(found).toBeGreaterThan(2000);
  });
});
