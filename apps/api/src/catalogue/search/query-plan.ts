import { CJK, normaliseText, toRuns } from './normalise.js';
import { splitPinyin } from './pinyin.js';
import { cutWords } from './segmenter.js';

/** Words that carry no subject in how residents ask ("我想学…", "哪里有…的课", "I want to learn …"). */
const STOP_CJK = new Set(
  (
    '我 你 他 她 咱 我们 咱们 想 要 想要 想学 学 学学 学习 学会 会 能 可以 怎么 怎样 如何 哪里 哪儿 哪个 哪些 有 有没有 ' +
    '没有 的 地 得 了 吗 呢 啊 呀 吧 嘛 一下 一些 一点 请问 你好 帮 帮我 帮忙 找 找找 给 这 那 这个 那个 什么 课 课程 ' +
    '班 培训 培训班 教 教教 教我 好 去 在 和 与 及 附近 报名 上课 老师 一个 个 些 点 里 上 下 也 还 就 都 再 又 多 ' +
    '免费 最近 现在 今年 明年 县里 镇上 村里 关于 方面 知识 技术 技能'
  )
    .split(' ')
    .filter(Boolean),
);
const STOP_LATIN = new Set(
  'i me my we want wanna to learn learning how the a an of for and in on at near class classes course courses lesson lessons training study'.split(
    ' ',
  ),
);

/** A resident's word and what else counts as it (synonyms, the joined or pinyin form). */
export interface WordGroup {
  word: string;
  /** The alternatives as the index spells them (ideographs, Latin words, pinyin). */
  alternatives: string[];
  /** Matches a course having any alternative anywhere in its text. */
  any: string;
  /** The same, in the title only. */
  title: string;
  /** Ranking weight: a single ideograph counts little and alone never makes a course a match. */
  weight: number;
  required: boolean;
}

export interface SearchPlan {
  groups: WordGroup[];
  /** Every word somewhere in the course: tried first (null when the query has no words left). */
  all: string | null;
  /** Every word anywhere, or some word in the title: when no course has them all (null as above). */
  match: string | null;
  /** The query in normal form without spaces, for the whole-phrase-in-title bonus. */
  phrase: string;
}

/** What a synonym lookup returns for a word typed by a resident (the word itself not included). */
export type SynonymLookup = (word: string) => string[];

const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** One alternative as a tsquery: ideograph bigrams, a Latin word (prefix from 3 letters), or pinyin bigrams. */
function alternativeQuery(alt: string, weight: '' | 'A'): string | null {
  const norm = normaliseText(alt);
  const parts: string[] = [];
  for (const run of toRuns(norm)) {
    if (run.kind === 'cjk') {
      const t = run.text;
      if (t.length === 1) parts.push(`${quote(t)}${weight ? ':' + weight : ''}`);
      for (let i = 0; i + 1 < t.length; i++)
        parts.push(`${quote(t.slice(i, i + 2))}${weight ? ':' + weight : ''}`);
    } else {
      for (const w of run.words) {
        parts.push(w.length >= 3 ? `${quote(w)}:*${weight}` : `${quote(w)}${weight ? ':' + weight : ''}`);
      }
    }
  }
  return parts.length ? (parts.length === 1 ? parts[0] : `(${parts.join(' & ')})`) : null;
}

/** Pinyin typed as Latin letters ("diangong", "zhi neng shou ji") → the index's syllable-pair lexemes. */
function pinyinQuery(letters: string, weight: '' | 'A'): string | null {
  const split = splitPinyin(letters);
  if (!split || split.syllables.length < 2) return null;
  const s = split.syllables;
  const parts: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) {
    const prefix = split.lastIsPrefix && i + 2 === s.length;
    parts.push(`${quote(s[i] + s[i + 1])}${prefix ? ':*' : weight ? ':' : ''}${weight}`);
  }
  return parts.length === 1 ? parts[0] : `(${parts.join(' & ')})`;
}

function group(
  word: string,
  alternatives: string[],
  pinyin: string[],
  weight: number,
  required: boolean,
): WordGroup | null {
  const alts = [...new Set(alternatives)];
  const build = (w: '' | 'A') =>
    [...alts.map((a) => alternativeQuery(a, w)), ...pinyin.map((p) => pinyinQuery(p, w))].filter(
      (q): q is string => q !== null,
    );
  const any = build('');
  if (!any.length) return null;
  const title = build('A');
  const or = (qs: string[]) => (qs.length === 1 ? qs[0] : `(${qs.join(' | ')})`);
  return { word, alternatives: alts, any: or(any), title: or(title), weight, required };
}

/** Longest synonym keys first, then jieba on what is left between them. */
function cjkWords(text: string, synonymKeys: readonly string[]): string[] {
  const words: string[] = [];
  let rest = '';
  const flush = () => {
    if (rest) words.push(...cutWords(rest));
    rest = '';
  };
  for (let i = 0; i < text.length;) {
    const key = synonymKeys.find((k) => CJK.test(k[0]) && text.startsWith(k, i));
    if (key) {
      flush();
      words.push(key);
      i += key.length;
    } else {
      rest += text[i];
      i += 1;
    }
  }
  flush();
  return words;
}

/**
 * Turns what a resident typed into word groups. Each group matches a course through any of its alternatives; a
 * course matches the query when it matches at least one required group, and ranks by the weight of the groups it
 * matches, so a phrase with one word no course has still finds the courses with the others.
 *
 * `synonymKeys` must be sorted longest first (see SynonymsService).
 */
export function planSearch(q: string, synonyms: SynonymLookup, synonymKeys: readonly string[]): SearchPlan {
  const norm = normaliseText(q);
  const groups: WordGroup[] = [];
  const seen = new Set<string>();
  const add = (g: WordGroup | null) => {
    if (g && !seen.has(g.any)) {
      seen.add(g.any);
      groups.push(g);
    }
  };
  for (const run of toRuns(norm)) {
    if (run.kind === 'cjk') {
      for (const w of cjkWords(run.text, synonymKeys)) {
        if (STOP_CJK.has(w)) continue;
        const single = w.length === 1;
        add(group(w, [w, ...synonyms(w)], [], single ? 0.3 : 1, !single));
      }
      continue;
    }
    const words = run.words;
    const joined = words.join('');
    const runSynonyms = words.length > 1 ? synonyms(words.join(' ')).concat(synonyms(joined)) : [];
    words.forEach((w, i) => {
      if (STOP_LATIN.has(w)) return;
      const alts = [w, ...synonyms(w), ...runSynonyms];
      if (i > 0) alts.push(words[i - 1] + w);
      if (i + 1 < words.length) alts.push(w + words[i + 1]);
      add(group(w, alts, /^[a-z]+$/.test(w) ? [w] : [], 1, true));
    });
    if (words.length > 1 && /^[a-z]+$/.test(joined))
      add(group(words.join(' '), runSynonyms, [joined], 1, true));
  }
  const required = groups.filter((g) => g.required);
  const deciding = required.length ? required : groups;
  for (const g of deciding) g.required = true;
  return {
    groups,
    all: deciding.length ? deciding.map((g) => g.any).join(' & ') : null,
    // Every word anywhere, or some word in the title: a word that only one description mentions does not make a
    // course a match for a phrase whose other words it lacks.
    match: deciding.length
      ? deciding.length === 1
        ? deciding[0].any
        : `(${deciding.map((g) => g.title).join(' | ')}) | (${deciding.map((g) => g.any).join(' & ')})`
      : null,
    phrase: norm.replace(/[^\u3400-\u4dbf\u4e00-\u9fffa-z0-9]/g, ''),
  };
}
