import { describe, expect, it } from 'vitest';
import type { FormErrors } from './forms.js';
import { checkFormDate, checkIdentity, normaliseIdNumber } from './service-point-form.js';

describe('service-point forms', () => {
  it('reads ID numbers as staff type them: spaces, full-width digits, lower-case x', () => {
    expect(normaliseIdNumber(' 1101 0519 4912 3100 2x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });

  it('checks the checksum before anything is sent', () => {
    const errors: FormErrors = {};
    checkIdentity(
      { townshipCode: '330799101000', documentType: 'resident_id_card', idNumber: '110105194912310021' },
      errors,
    );
    expect(errors.idNumber).toEqual({ key: 'validation.isResidentIdNumber' });
    const fine: FormErrors = {};
    checkIdentity(
      { townshipCode: '330799101000', documentType: 'household_register', idNumber: '11010519491231002X' },
      fine,
    );
    expect(fine).toEqual({});
    const noDoc: FormErrors = {};
    checkIdentity({ townshipCode: '', documentType: 'passport', idNumber: '' }, noDoc);
    expect(Object.keys(noDoc).sort()).toEqual(['documentType', 'idNumber', 'townshipCode']);
  });

  it('takes a form date of today or within the last year, nothing later or older', () => {
    const check = (date: string) => {
      const errors: FormErrors = {};
      checkFormDate(date, '2026-12-04', 'consentFormDate', errors);
      return errors.consentFormDate?.key ?? 'ok';
    };
    expect(check('2026-12-04')).toBe('ok');
    expect(check('2025-12-04')).toBe('ok');
    expect(check('2025-12-03')).toBe('validation.consentFormDate');
    expect(check('2026-12-05')).toBe('validation.consentFormDate');
    expect(check('')).toBe('validation.required');
  });
});
