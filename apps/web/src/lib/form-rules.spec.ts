import { describe, expect, it } from 'vitest';
import type { FormErrors } from './forms.js';
import { characterCount, checkLength, checkMaxLength } from './form-rules.js';

const FAMILY = '👨‍👩‍👧';

describe('length checks count characters a person sees, as the API does', () => {
  it.each([
    ['王秀兰', 3],
    [FAMILY, 1],
    ['🇨🇳', 1],
    ['e\u0301', 1],
    ['𠮷', 1],
  ])('%s counts %i', (text, n) => {
    expect(characterCount(text)).toBe(n);
  });

  it('takes 50 emoji families for a 50-character name and refuses 51', () => {
    const errors: FormErrors = {};
    checkLength(FAMILY.repeat(50), 1, 50, 'name', errors);
    expect(errors).toEqual({});
    checkLength(FAMILY.repeat(51), 1, 50, 'name', errors);
    expect(errors.name?.key).toBe('validation.lengthBetween');
  });

  it('refuses one character for a two-character minimum even when it is written with two code points', () => {
    const errors: FormErrors = {};
    checkLength('e\u0301', 2, 100, 'title', errors);
    expect(errors.title?.key).toBe('validation.lengthBetween');
  });

  it('checks the maximum the same way', () => {
    const errors: FormErrors = {};
    checkMaxLength('🇨🇳'.repeat(3), 3, 'note', errors);
    expect(errors).toEqual({});
    checkMaxLength('🇨🇳'.repeat(4), 3, 'note', errors);
    expect(errors.note?.key).toBe('validation.maxLengthOf');
  });
});
