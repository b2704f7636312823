/** Every letter of Vietnamese with a diacritic, composed (NFC): 12 vowels × 5 tones, the toneless ones, đ. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
// huyền, sắc, hỏi, ngã, nặng
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

const lower = [
  ...VOWELS.filter((v) => v !== v.normalize('NFD')),
  ...VOWELS.flatMap((v) => TONES.map((tone) => `${v}${tone}`.normalize('NFC'))),
  'đ',
];

export const VIETNAMESE_LETTERS: readonly string[] = [...lower, ...lower.map((c) => c.toUpperCase())];
