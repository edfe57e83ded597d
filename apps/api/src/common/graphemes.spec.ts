import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointCount, graphemeCount, LengthGraphemes, MaxGraphemes } from './graphemes.js';

const FAMILY = '👨‍👩‍👧'; // man ZWJ woman ZWJ girl: 5 code points, 8 UTF-16 units
const KISS = '👩🏻‍❤️‍💋‍👨🏼'; // 10 code points, the longest standard emoji sequences
const FLAG = '🇨🇳';
const E_ACUTE = 'e\u0301'; // e + combining acute accent
const HANGUL = '\u1112\u1161\u11ab'; // 한 as three conjoining jamo
const DEVANAGARI = 'क्षि'; // a conjunct with a vowel sign: one cluster in UAX #29 (extended)
const ZALGO = `a${'\u0301'.repeat(60)}`;

class Named {
  @LengthGraphemes(1, 50)
  name!: string;
}
class Described {
  @MaxGraphemes(5)
  text?: string;
}
class Termed {
  @MaxGraphemes(4, { maxCodePoints: 4 })
  term!: string;
}
class Listed {
  @LengthGraphemes(1, 3, { each: true })
  items!: string[];
}

const problems = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain)).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('graphemeCount', () => {
  it.each([
    ['王秀兰', 3],
    ['欧阳娜娜', 4],
    [FAMILY, 1],
    [KISS, 1],
    [FLAG, 1],
    [`${FLAG}${FLAG}`, 2],
    [E_ACUTE, 1],
    [HANGUL, 1],
    ['𠮷野家', 3], // a CJK character outside the BMP (a surrogate pair)
    [ZALGO, 1],
    ['', 0],
  ])('counts %s as %i', (text, n) => {
    expect(graphemeCount(text)).toBe(n);
  });

  it('never counts more characters than UTF-16 units, nor more than code points, over generated text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(graphemeCount(text)).toBeLessThanOrEqual(codePointCount(text));
        expect(codePointCount(text)).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it('counts a concatenation of whole emoji and CJK characters as the number of pieces', () => {
    const pieces = [FAMILY, KISS, FLAG, E_ACUTE, '王', 'A', '𠮷', HANGUL, DEVANAGARI];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (chosen) => {
        // Two flags next to each other pair up by their regional indicators, which is what a person sees.
        expect(graphemeCount(chosen.join(''))).toBe(chosen.length);
      }),
    );
  });
});

describe('LengthGraphemes and MaxGraphemes', () => {
  it('accepts 50 family emoji where the limit is 50 and refuses 51, though both are hundreds of UTF-16 units', () => {
    expect(FAMILY.repeat(50).length).toBe(400);
    expect(problems(Named, { name: FAMILY.repeat(50) })).toEqual([]);
    expect(problems(Named, { name: FAMILY.repeat(51) })).toEqual(['isLength']);
  });

  it('accepts the longest emoji sequences up to the limit (ten code points each)', () => {
    expect(problems(Named, { name: KISS.repeat(50) })).toEqual([]);
  });

  it('counts combining sequences, flags and CJK as one each', () => {
    expect(problems(Described, { text: `${E_ACUTE}${FLAG}王${HANGUL}𠮷` })).toEqual([]);
    expect(problems(Described, { text: `${E_ACUTE}${FLAG}王${HANGUL}𠮷a` })).toEqual(['maxLength']);
  });

  it('refuses one character carrying more code points than any real one (combining marks piled up)', () => {
    expect(problems(Named, { name: `${'a'.repeat(49)}b${'\u0301'.repeat(500)}` })).toEqual(['isLength']);
  });

  it('keeps the lower bound in characters: one combining sequence is one character, not two', () => {
    class Titled {
      @LengthGraphemes(2, 10)
      title!: string;
    }
    expect(problems(Titled, { title: E_ACUTE })).toEqual(['isLength']);
    expect(problems(Titled, { title: `${E_ACUTE}${E_ACUTE}` })).toEqual([]);
    expect(problems(Titled, { title: FAMILY })).toEqual(['isLength']);
  });

  it('bounds code points where the database counts them', () => {
    expect(problems(Termed, { term: '汽车维修' })).toEqual([]);
    expect(problems(Termed, { term: `${FLAG}${FLAG}` })).toEqual([]);
    expect(problems(Termed, { term: `${FAMILY}` })).toEqual(['maxLength']);
  });

  it('checks each element of a list', () => {
    expect(problems(Listed, { items: ['王', FAMILY.repeat(3)] })).toEqual([]);
    expect(problems(Listed, { items: ['王', FAMILY.repeat(4)] })).toEqual(['isLength']);
    expect(problems(Listed, { items: [''] })).toEqual(['isLength']);
  });

  it('refuses what is not text', () => {
    expect(problems(Named, { name: 5 })).toEqual(['isLength']);
    expect(problems(Described, { text: ['a'] })).toEqual(['maxLength']);
  });

  it('agrees with a direct count over generated text (generated limit, clusters and code points)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (text, max) => {
          class Limited {
            @MaxGraphemes(max)
            value!: string;
          }
          const ok = problems(Limited, { value: text }).length === 0;
          const expected =
            [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length <= max &&
            [...text].length <= 10 * max;
          expect(ok).toBe(expected);
        },
      ),
    );
  });
});
