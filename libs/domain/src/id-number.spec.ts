import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, isValidIdNumber, parseIdNumber } from './id-number.js';

describe('GB 11643 resident ID number', () => {
  it('accepts the standard example 11010519491231002X and reads birth date and sex', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({
      value: '11010519491231002X',
      divisionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('computes the check character with ISO 7064 MOD 11-2', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44052418800101001')).toBe('4');
  });

  it('rejects a number whose check character was mistyped', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ problem: 'check_character' });
  });

  it('rejects an impossible or future birth date even with a matching check character', () => {
    const first17 = '11010519490230002';
    expect(parseIdNumber(first17 + idNumberCheckCharacter(first17))).toEqual({ problem: 'birth_date' });
    const future = `110105${new Date().getUTCFullYear() + 1}0101002`;
    expect(parseIdNumber(future + idNumberCheckCharacter(future))).toEqual({ problem: 'birth_date' });
  });

  it.each(['', '1101051949123100', '11010519491231002Y', '1101051949123100２X', ' 1234 '])(
    'rejects malformed input %j',
    (raw) => expect(isValidIdNumber(raw)).toBe(false),
  );

  it('reads an odd sequence digit as male', () => {
    const first17 = '33010219900101123';
    const parsed = parseIdNumber(first17 + idNumberCheckCharacter(first17));
    expect(parsed).toMatchObject({ sex: 'male', birthDate: '1990-01-01' });
  });
});
