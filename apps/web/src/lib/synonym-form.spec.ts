import { describe, expect, it } from 'vitest';
import { checkSynonymForm, splitSynonyms } from './synonym-form.js';

describe('synonym form', () => {
  it('splits on Chinese and Latin separators and drops repeats and blanks', () => {
    expect(splitSynonyms('计算机，电脑、 微机,计算机;; ')).toEqual(['计算机', '电脑', '微机']);
  });

  it('needs a term and at least one other word, at most 20 of 40 characters', () => {
    expect(checkSynonymForm({ term: '', synonyms: 'x', twoWay: true, note: '' })).toHaveProperty('term');
    expect(checkSynonymForm({ term: '电脑', synonyms: '电脑', twoWay: true, note: '' })).toHaveProperty(
      'synonyms',
    );
    const many = Array.from({ length: 21 }, (_, i) => `词${i}`).join('，');
    expect(checkSynonymForm({ term: '电脑', synonyms: many, twoWay: true, note: '' })).toHaveProperty(
      'synonyms',
    );
    expect(checkSynonymForm({ term: '电脑', synonyms: '计算机', twoWay: false, note: '' })).toEqual({});
  });
});
