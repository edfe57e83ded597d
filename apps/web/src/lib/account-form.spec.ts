import { describe, expect, it } from 'vitest';
import { checkCode, checkNewPassword, normaliseCode } from './account-form.js';
import type { FormErrors } from './forms.js';

describe('SMS code and new password fields', () => {
  it('takes codes typed with spaces or full-width digits', () => {
    expect(normaliseCode(' 12 34 56 ')).toBe('123456');
    expect(normaliseCode('１２３４５６')).toBe('123456');
  });

  it('asks for exactly 6 digits', () => {
    for (const [code, key] of [
      ['', 'validation.required'],
      ['12345', 'validation.code'],
      ['1234567', 'validation.code'],
      ['12a456', 'validation.code'],
    ]) {
      const errors: FormErrors = {};
      checkCode(code, errors);
      expect(errors.code?.key).toBe(key);
    }
    const ok: FormErrors = {};
    checkCode('000123', ok);
    expect(ok).toEqual({});
  });

  it('wants the new password twice, the same', () => {
    const differ: FormErrors = {};
    checkNewPassword('Chashan-lu-88', 'Chashan-lu-89', differ);
    expect(differ).toEqual({ confirmPassword: { key: 'validation.passwordsDiffer' } });
    const missing: FormErrors = {};
    checkNewPassword('', '', missing);
    expect(missing).toEqual({ newPassword: { key: 'validation.required' } });
  });
});
