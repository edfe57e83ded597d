import { pinyin } from 'pinyin-pro';

/** At most this many readings of one character are indexed (polyphones: 乐 le/yue, 行 xing/hang). */
export const MAX_READINGS = 3;

/** The toneless readings of one ideograph, ü written v as residents type it (绿 → lv, lu). */
export function readings(ch: string): string[] {
  const out: string[] = [];
  for (const r of pinyin(ch, { multiple: true, type: 'array', toneType: 'none' })) {
    const plain = r.replace(/ü/g, 'v');
    if (/^[a-z]+$/.test(plain) && !out.includes(plain)) out.push(plain);
  }
  return out.slice(0, MAX_READINGS);
}

let syllables: Set<string> | null = null;

/** Every toneless syllable of the indexed ideographs (about 410), derived from the same library as the index. */
export function pinyinSyllables(): Set<string> {
  if (!syllables) {
    const all = new Set<string>();
    for (let c = 0x4e00; c <= 0x9fff; c++) for (const r of readings(String.fromCodePoint(c))) all.add(r);
    syllables = all;
  }
  return syllables;
}

/**
 * Splits Latin letters into pinyin syllables, preferring the fewest syllables ("xian" is one, not "xi an"); the last
 * one may be the start of a syllable, as when a resident is still typing ("zhinengsho" → zhi neng sho…). Null when
 * the letters are not pinyin.
 */
export function splitPinyin(letters: string): { syllables: string[]; lastIsPrefix: boolean } | null {
  if (!/^[a-z]+$/.test(letters)) return null;
  const known = pinyinSyllables();
  const n = letters.length;
  const best: Array<string[] | null> = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    const head = best[i];
    if (!head) continue;
    for (let len = 1; len <= 6 && i + len <= n; len++) {
      const s = letters.slice(i, i + len);
      if (!known.has(s)) continue;
      const cand = [...head, s];
      const cur = best[i + len];
      if (!cur || cand.length < cur.length) best[i + len] = cand;
    }
  }
  if (best[n]) return { syllables: best[n], lastIsPrefix: false };
  // A syllable being typed: the longest split of a prefix, then a tail that begins some syllable.
  for (let i = n - 1; i > 0; i--) {
    const head = best[i];
    const tail = letters.slice(i);
    if (head && [...known].some((s) => s.startsWith(tail))) {
      return { syllables: [...head, tail], lastIsPrefix: true };
    }
  }
  return null;
}
