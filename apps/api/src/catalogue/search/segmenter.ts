import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { userDictionary } from './user-dictionary.js';

// @node-rs/jieba ships its dictionary as a CommonJS file without an ESM entry.
const require = createRequire(import.meta.url);

let jieba: Jieba | null = null;

/** One segmenter per process, loaded on first use (about 0.2 s for the default dictionary and ours). */
function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    j.loadDict(userDictionary());
    jieba = j;
  }
  return jieba;
}

/** Words of an ideograph run as a resident means them (precise mode, no HMM guesses at unknown words). */
export function cutWords(text: string): string[] {
  return segmenter().cut(text, false);
}

/** Words and their sub-words, for the index (search mode: 智能手机 → 智能, 手机, 智能手机). */
export function cutForIndex(text: string): string[] {
  return segmenter().cutForSearch(text, false);
}
