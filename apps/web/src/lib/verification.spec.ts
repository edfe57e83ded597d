import { describe, expect, it } from 'vitest';
import { normaliseVerificationCode } from './verification.js';

describe('normaliseVerificationCode', () => {
  it('drops spaces and capitalises what was typed', () => {
    expect(normaliseVerificationCode(' ab12 cd34 ')).toBe('AB12CD34');
  });

  it('reads nothing from an empty or absurdly long value', () => {
    expect(normaliseVerificationCode(null)).toBe('');
    expect(normaliseVerificationCode('x'.repeat(65))).toBe('');
  });
});
