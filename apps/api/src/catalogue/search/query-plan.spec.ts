import { describe, expect, it } from 'vitest';
import { normaliseText, toRuns } from './normalise.js';
import { splitPinyin } from './pinyin.js';
import { planSearch } from './query-plan.js';
import { buildSynonymTable } from './synonyms.service.js';
import { indexWords } from './index-words.js';

const none = buildSynonymTable([]);

describe('query normal form', () => {
  it('removes invisible characters and folds full-width letters, so both spellings give one query', () => {
    expect(normaliseText('电\u200b工')).toBe('电工');
    expect(normaliseText('\ufeff智能\u200d手机\u00ad')).toBe('智能手机');
    expect(normaliseText('ＳｍａｒｔＰｈｏｎｅ')).toBe('smartphone');
    expect(planSearch('电\u200b工', none.lookup, none.keys)).toEqual(
      planSearch('电工', none.lookup, none.keys),
    );
  });

  it('keeps Latin words that stood together as one run and splits at ideographs', () => {
    expect(toRuns('学 e-commerce 电商 tai chi')).toEqual([
      { kind: 'cjk', text: '学' },
      { kind: 'latin', words: ['e', 'commerce'] },
      { kind: 'cjk', text: '电商' },
      { kind: 'latin', words: ['tai', 'chi'] },
    ]);
  });
});

describe('pinyin', () => {
  it('splits typed pinyin into syllables, the last one possibly unfinished', () => {
    expect(splitPinyin('diangong')).toEqual({ syllables: ['dian', 'gong'], lastIsPrefix: false });
    expect(splitPinyin('zhinengshouji')?.syllables).toEqual(['zhi', 'neng', 'shou', 'ji']);
    expect(splitPinyin('zhinengsho')).toEqual({ syllables: ['zhi', 'neng', 'sho'], lastIsPrefix: true });
    expect(splitPinyin('excel')).toBeNull();
  });
});

describe('planSearch', () => {
  it('drops the words of how residents ask and keeps the subject', () => {
    const plan = planSearch('我想学电脑打字', none.lookup, none.keys);
    expect(plan.groups.map((g) => g.word)).toEqual(['电脑', '打字']);
  });

  it('applies synonyms found inside a phrase before segmenting the rest', () => {
    const table = buildSynonymTable([
      { term: '开网店', synonyms: ['电子商务'], twoWay: false },
      { term: '电商', synonyms: ['电子商务'], twoWay: true },
    ]);
    const plan = planSearch('想开网店', table.lookup, table.keys);
    expect(plan.groups.map((g) => [g.word, g.alternatives])).toEqual([['开网店', ['开网店', '电子商务']]]);
    // Two-way: the catalogue word also finds the abbreviation.
    expect(table.lookup('电子商务')).toContain('电商');
    // One-way: the catalogue word does not lead back to the everyday one.
    expect(table.lookup('电子商务')).not.toContain('开网店');
  });

  it('needs every word anywhere or some word in the title, and a lone ideograph never decides', () => {
    const plan = planSearch('学茶艺', none.lookup, none.keys);
    expect(plan.groups.map((g) => [g.word, g.required])).toEqual([['茶艺', true]]);
    expect(plan.match).toBe("'茶艺'");
    const two = planSearch('电工 焊工', none.lookup, none.keys);
    expect(two.all).toBe("'电工' & '焊工'");
    expect(two.match).toBe("('电工':A | '焊工':A) | ('电工' & '焊工')");
  });

  it('tries Latin words joined and as pinyin', () => {
    const plan = planSearch('smart phone', none.lookup, none.keys);
    expect(plan.groups[0].alternatives).toEqual(['smart', 'smartphone']);
    const py = planSearch('dian gong', none.lookup, none.keys);
    expect(py.groups.map((g) => g.any)).toContain("'diangong'");
  });
});

describe('indexWords', () => {
  it('keeps course and trade words from the user dictionary whole', () => {
    expect(indexWords('养老护理员（初级）')).toContain('养老护理员');
    expect(indexWords('老年人智能手机应用')).toEqual(expect.arrayContaining(['智能手机', '手机', '老年人']));
  });
});
